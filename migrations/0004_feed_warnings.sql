-- What the last successful fetch of a feed had to leave out: a document cut off before its end (the complete
-- items were kept) or more items than one fetch stores. Null when the fetch was whole.
ALTER TABLE feeds ADD COLUMN last_warning TEXT;
