package org.xiaoche.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The planner's path on PostgreSQL + PostGIS, with real geometry columns. */
@SpringBootTest
@DisabledIfEnvironmentVariable(named = PostgisTestDatabase.SKIP_VARIABLE, matches = "1")
class PostgisPlanningFlowTest extends PlanningFlowContract {

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        WebTestSupport.freshDataDir(r);
        PostgisTestDatabase.use("xiaoche_flow_test", r);
    }

    @Test
    void geometryColumnsArePostgisGeometries() {
        String type = jdbc.queryForObject("SELECT format_type(atttypid, atttypmod) FROM pg_attribute"
                + " WHERE attrelid = 'student'::regclass AND attname = 'home'", String.class);
        assertEquals("geometry(Point,4326)", type);
        assertEquals("bytea", jdbc.queryForObject("SELECT format_type(atttypid, atttypmod) FROM pg_attribute"
                + " WHERE attrelid = 'plan'::regclass AND attname = 'plan_value'", String.class));
        assertTrue(jdbc.queryForObject("SELECT ST_Equals(ST_GeomFromEWKB(?), ST_SetSRID(ST_MakePoint(1, 2), 4326))",
                Boolean.class, (Object) new org.xiaoche.web.system.SpatialSql(jdbc).toEwkb(
                        new org.locationtech.jts.geom.GeometryFactory().createPoint(new org.locationtech.jts.geom.Coordinate(1, 2)))));
    }
}
