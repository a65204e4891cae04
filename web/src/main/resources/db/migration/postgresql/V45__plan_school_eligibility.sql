-- Each plan's own eligibility per school, counts only (no student): its summary's students and walkers,
-- which the plan value does not keep. Plans stored before this version have no rows (shown as unknown).
CREATE TABLE plan_school_eligibility (
    plan_id         bigint       NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    school_id       varchar(100) NOT NULL,
    school_name     varchar(300),
    students        integer      NOT NULL,
    walkers         integer      NOT NULL,
    needs_transport integer      NOT NULL,
    unreachable     integer      NOT NULL,
    PRIMARY KEY (plan_id, school_id)
);
