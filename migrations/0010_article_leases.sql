-- Full articles: a pending article fetch holds a lease. The feed consumer sends its queue message after the
-- story's batch commits; if that send fails, or the message is lost, the story would stay pending for ever.
-- The cron sends a message again for each pending story whose lease has run out (src/ingest/article.ts).
ALTER TABLE stories ADD COLUMN article_lease_until TEXT;
CREATE INDEX stories_article_lease ON stories (article_lease_until) WHERE article_status = 'pending';
