-- The job importing a region's roads, so a start after a crash can tell a region whose import was cut
-- off (its job ended) from one still being imported.
ALTER TABLE region ADD COLUMN import_job_id bigint;
