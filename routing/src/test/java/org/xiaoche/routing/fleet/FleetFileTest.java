package org.xiaoche.routing.fleet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xiaoche.routing.policy.SettingsFileException;
import org.xiaoche.routing.roster.io.ImportProblem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fleet values have bounds, and a bad fleet file is refused naming the file and the reason. */
class FleetFileTest {

    @TempDir
    Path dir;

    private String refused(String json) throws IOException {
        Path file = Files.writeString(dir.resolve("fleet.json"), json);
        return assertThrows(IllegalArgumentException.class, () -> Fleet.read(file)).getMessage();
    }

    private static String type(String fields) {
        return "{\"busTypes\":[{\"id\":\"bus35\"," + fields + "}]}";
    }

    @Test
    void boundsOnSeatsCostsAndIds() throws IOException {
        assertEquals("fleet.json: bus type bus35: seats must be 1..80, got 1000", refused(type("\"seats\":1000")));
        assertTrue(refused(type("\"seats\":35,\"costPerDay\":1e400")).startsWith(
                "fleet.json: bus type bus35: costs must be finite numbers, zero or more, got costPerDay Infinity"));
        assertTrue(refused(type("\"seats\":35,\"costPerKm\":-1")).contains("costs must be finite numbers, zero or more"));
        assertTrue(refused(type("\"seats\":35,\"available\":-2")).contains("available must not be negative, got -2"));
        String longId = "D".repeat(5_000);
        String depot = refused("{\"busTypes\":[{\"id\":\"b\",\"seats\":35}],\"depots\":[{\"id\":\"" + longId + "\",\"lon\":121,\"lat\":37}]}");
        assertEquals("fleet.json: depot id is 5000 characters long; at most 64 allowed", depot);
        assertTrue(refused("{\"busTypes\":[{\"id\":\"" + "b".repeat(65) + "\",\"seats\":35}]}").contains("at most 64 allowed"));
        assertTrue(refused("{\"busTypes\":[{\"id\":\"b\",\"seats\":35}],\"depots\":[{\"id\":\"D\",\"lon\":200,\"lat\":37}]}")
                .contains("not a WGS-84 coordinate"));
    }

    private ImportProblem problem(String json) throws IOException {
        Path file = Files.writeString(dir.resolve("fleet.json"), json);
        SettingsFileException e = assertThrows(SettingsFileException.class, () -> Fleet.read(file));
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.problems().get(0);
    }

    /** Each refusal names the bus type's or depot's field by its place in the list, with a code and the values. */
    @Test
    void refusalsNameTheFieldWithACodeAndItsValues() throws IOException {
        ImportProblem seats = problem("{\"busTypes\":[{\"id\":\"a\",\"seats\":19},{\"id\":\"b\",\"seats\":1000}]}");
        assertEquals(List.of("fleet.json", "busTypes[1].seats", "out-of-range", "bus type b: seats must be 1..80, got 1000"),
                List.of(seats.file(), seats.field(), seats.code(), seats.reason()));
        assertEquals(List.of("1000", "1", "80"), seats.args());
        ImportProblem cost = problem(type("\"seats\":35,\"costPerKm\":-1"));
        assertEquals(List.of("busTypes[0].costPerKm", "not-non-negative", "-1"), List.of(cost.field(), cost.code(), cost.args().get(0)));
        ImportProblem lon = problem("{\"busTypes\":[{\"id\":\"b\",\"seats\":35}],\"depots\":[{\"id\":\"D\",\"lon\":200,\"lat\":37}]}");
        assertEquals(List.of("depots[0].lon", "lon-out-of-range"), List.of(lon.field(), lon.code()));
        ImportProblem kind = problem(type("\"seats\":\"19座\""));
        assertEquals(List.of("busTypes[0].seats", "expected-whole-number"), List.of(kind.field(), kind.code()));
        assertEquals(List.of("busTypes", "no-bus-types"), List.of(problem("{\"busTypes\":[]}").field(), problem("{\"busTypes\":[]}").code()));
        assertEquals("unknown-field", problem(type("\"seats\":19,\"colour\":\"yellow\"")).code());
    }
}
