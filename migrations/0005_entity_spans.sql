-- Where each mention of an entity stands in its story: a JSON array of [field, start, end] triples, field
-- "title" or "text", UTF-16 offsets into the stored title or content_text (end exclusive). One triple per
-- mention, so its length equals mentions. Null for links written before spans existed; re-annotation fills it.
ALTER TABLE story_entities ADD COLUMN spans TEXT;
