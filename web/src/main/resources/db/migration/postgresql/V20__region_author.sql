-- Who uploaded a region, shown with its name and creation time in the pickers; NULL for regions stored before V20.
ALTER TABLE region ADD COLUMN created_by varchar(100);
