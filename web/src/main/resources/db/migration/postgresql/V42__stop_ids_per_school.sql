-- Stop ids are per school (<school id>-001): school ids may have 64 characters, so stop ids need 68.
ALTER TABLE plan_stop ALTER COLUMN stop_id SET DATA TYPE varchar(100);
ALTER TABLE plan_student ALTER COLUMN stop_id SET DATA TYPE varchar(100);
