package org.xiaoche.web;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL + PostGIS test database that {@code scripts/setup.sh} installs: database
 * {@code xiaoche_test} on 127.0.0.1:5432, user postgres without password (override with
 * {@code XIAOCHE_TEST_PG_URL}). Each test class gets its own fresh schema. When the database cannot
 * be reached the tests FAIL, so CI cannot go green without PostGIS; set
 * {@code XIAOCHE_SKIP_POSTGIS=1} to skip them knowingly instead (each PostGIS test class carries
 * {@code @DisabledIfEnvironmentVariable(named = SKIP_VARIABLE, matches = "1")}).
 */
public final class PostgisTestDatabase {

    public static final String URL = System.getenv().getOrDefault("XIAOCHE_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/xiaoche_test");
    public static final String USER = "postgres";
    public static final String SKIP_VARIABLE = "XIAOCHE_SKIP_POSTGIS";

    private PostgisTestDatabase() {
    }

    /** Creates an empty schema named {@code schema} and points the context's datasource at it. */
    public static void use(String schema, DynamicPropertyRegistry registry) {
        try (Connection c = DriverManager.getConnection(URL, USER, "");
             Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS postgis");
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL + PostGIS is not reachable at " + URL + " as " + USER
                    + " (run scripts/setup.sh, or set XIAOCHE_SKIP_POSTGIS=1 to skip these tests): " + e.getMessage(), e);
        }
        registry.add("spring.datasource.url", () -> URL + "?currentSchema=" + schema + ",public");
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.flyway.schemas", () -> schema);
        registry.add("spring.flyway.default-schema", () -> schema);
    }
}
