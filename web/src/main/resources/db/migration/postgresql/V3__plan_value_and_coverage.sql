-- A plan as one value, and the coverage half of its verdict (PostgreSQL).
-- Keep in step with ../h2/V5__plan_value_and_coverage.sql (same columns, H2 types).

-- The engine's stored form of the whole plan (PlanCodec JSON, gzip-compressed): student ids, no homes.
-- It lives in the plan row, so deleting a dataset deletes it with its plans. NULL for plans stored before V5.
ALTER TABLE plan ADD COLUMN plan_value bytea;

-- Coverage: every student who needs transport has a bus, and the plan needs no bus beyond the fleet.
-- Plans stored before V5 are marked incomplete ("not recorded"), so they are never shown as complete.
ALTER TABLE plan ADD COLUMN coverage_complete boolean NOT NULL DEFAULT false;
ALTER TABLE plan ADD COLUMN coverage_verdict varchar(500) NOT NULL
    DEFAULT 'not recorded: planned before coverage was stored; plan again';
ALTER TABLE plan ADD COLUMN buses_beyond_fleet integer NOT NULL DEFAULT 0;
ALTER TABLE plan ADD COLUMN walk_over_limit integer NOT NULL DEFAULT 0;
-- Unserved students per reason code, as a JSON object, e.g. {"NO_BUS_ROAD_NEAR_HOME":2}.
ALTER TABLE plan ADD COLUMN unserved_by_reason varchar(1000) NOT NULL DEFAULT '{}';
ALTER TABLE plan ADD COLUMN solver_wall_cap_hits integer NOT NULL DEFAULT 0;

-- A stop's name for operators, drivers and families (PlanStop.name); older plans named stops by their road.
ALTER TABLE plan_stop ADD COLUMN stop_name varchar(300) NOT NULL DEFAULT '';
UPDATE plan_stop SET stop_name = road_name;
