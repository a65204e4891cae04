-- Boarding beds and canteen seats of each school, as the schools file gives them; null = unknown, so a
-- merger comparison says "unknown", never "enough".
ALTER TABLE school ADD COLUMN boarding_beds integer;
ALTER TABLE school ADD COLUMN canteen_seats integer;
