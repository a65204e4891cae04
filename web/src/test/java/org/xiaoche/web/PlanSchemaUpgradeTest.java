package org.xiaoche.web;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.xiaoche.web.plan.Plan;
import org.xiaoche.web.plan.PlanRepository;
import org.xiaoche.web.system.SpatialSql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A database with plans stored before schema V3 (no plan value, no coverage verdict) upgrades to the
 * current schema: such a plan reads back as coverage incomplete ("not recorded"), never complete,
 * without a plan value, and its stops are named by their road. On both databases.
 */
class PlanSchemaUpgradeTest {

    @Test
    void plansFromBeforeV3AreNeverShownCompleteOnH2() {
        DriverManagerDataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:upgrade-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        upgradeAndCheck(Flyway.configure().dataSource(h2).locations("classpath:db/migration/h2"), h2);
    }

    @Test
    @DisabledIfEnvironmentVariable(named = PostgisTestDatabase.SKIP_VARIABLE, matches = "1")
    void plansFromBeforeV3AreNeverShownCompleteOnPostgis() throws Exception {
        String schema = "xiaoche_upgrade_test";
        try (Connection c = DriverManager.getConnection(PostgisTestDatabase.URL, PostgisTestDatabase.USER, "");
             Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS postgis");
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        }
        DriverManagerDataSource pg = new DriverManagerDataSource(PostgisTestDatabase.URL + "?currentSchema=" + schema + ",public",
                PostgisTestDatabase.USER, "");
        upgradeAndCheck(Flyway.configure().dataSource(pg).schemas(schema).defaultSchema(schema)
                .locations("classpath:db/migration/postgresql"), pg);
    }

    private static void upgradeAndCheck(org.flywaydb.core.api.configuration.FluentConfiguration flyway, DriverManagerDataSource ds) {
        flyway.target(MigrationVersion.fromVersion("2")).load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        SpatialSql spatial = new SpatialSql(jdbc);
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("INSERT INTO region (id, name, osm_file, state, created_at) VALUES (1, 'r', 'r.osm', 'ready', ?)", now);
        jdbc.update("INSERT INTO dataset (id, region_id, name, coordinate_system, schools_file, students_file, school_count,"
                + " student_count, created_at) VALUES (1, 1, 'd', 'wgs84', 's.csv', 'p.csv', 1, 1, ?)", now);
        // A plan as schema V2 stored it: valid, everyone carried, and nothing said about the fleet.
        jdbc.update("INSERT INTO plan (id, dataset_id, solver, valid, validator_verdict, needing_transport, transported, unserved,"
                + " cap_infeasible, stops, buses, runs, bus_km_per_day, cost_per_day, students_over_caps, policy, fleet, created_at)"
                + " VALUES (1, 1, 'jsprit', true, 'VALID (2 runs, 1 students)', 1, 1, 0, 0, 1, 1, 2, 7.0, 600, 0, '{}', '{}', ?)", now);
        jdbc.update("INSERT INTO plan_stop (plan_id, stop_id, road_name, student_count, grades_1_3_count, location) VALUES"
                + " (1, 'T001', '村前路', 1, 1, " + spatial.geometryParameter() + ")",
                (Object) spatial.toEwkb(new GeometryFactory().createPoint(new Coordinate(0.025, 0))));

        flyway.target(MigrationVersion.LATEST).load().migrate();
        PlanRepository plans = new PlanRepository(jdbc, spatial);
        Plan plan = plans.findById(1).orElseThrow();
        assertTrue(plan.valid());
        assertFalse(plan.coverageComplete(), "an old plan's coverage is not known, so it is not complete");
        assertTrue(plan.coverageVerdict().startsWith("not recorded"), plan.coverageVerdict());
        assertEquals(0, plan.busesBeyondFleet());
        assertTrue(plan.unservedByReason().isEmpty());
        assertTrue(plans.findPlanValue(1).isEmpty(), "no plan value before V3");
        assertEquals("村前路", plans.stops(1).get(0).name());
    }
}
