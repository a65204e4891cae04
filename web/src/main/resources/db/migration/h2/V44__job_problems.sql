-- A job that refused its input (a rejected roster upload) keeps the problems (file, line, field, reason, code) as JSON.
ALTER TABLE job ADD COLUMN problems clob;
