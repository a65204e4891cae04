-- Hand-edited plans: a plan made from its parent by a list of edits is a new version (a plan row of its own).
-- Keep in step with ../h2/V43__plan_versions.sql.
CREATE TABLE plan_version (
    plan_id        bigint       PRIMARY KEY REFERENCES plan (id) ON DELETE CASCADE,
    -- The version it was made from; kept as history when that one is deleted.
    parent_plan_id bigint       REFERENCES plan (id) ON DELETE SET NULL,
    -- The edits as the API takes them (PlanEditCodec JSON): stop, run, school and student ids and a moved stop's
    -- new place on a road; no homes. Gone with the plan, so with its dataset (DESIGN §5).
    edits          text         NOT NULL,
    -- What changed (the engine's PlanChange list as JSON), worded in the reader's language when read.
    changes        text         NOT NULL,
    created_by     varchar(100) NOT NULL,
    created_at     timestamp with time zone NOT NULL
);
CREATE INDEX plan_version_parent_idx ON plan_version (parent_plan_id);
