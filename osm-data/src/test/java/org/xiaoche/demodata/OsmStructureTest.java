package org.xiaoche.demodata;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The OSM file of the default county read back independently: structure GraphHopper needs, barriers, tags. */
class OsmStructureTest {

    private final GeneratedCounty county = GeneratedCounty.defaults();
    private final ParsedOsm osm = county.osm;

    @Test
    void fileIsWellFormedOsmThatGraphHopperCanRead() {
        assertWellFormed(osm);
    }

    @Test
    void roadsMeetTheRiverAndTheExpresswayOnlyOnBridgesAndRamps() {
        assertBarriersRespected(osm);
    }

    @Test
    void networkHasTheRoadClassesAndLimitsPlannersMeet() {
        Set<String> highways = new HashSet<>();
        osm.ways.forEach(w -> {
            if (w.tag("highway") != null) {
                highways.add(w.tag("highway"));
            }
        });
        assertTrue(highways.containsAll(List.of("motorway", "motorway_link", "secondary", "tertiary", "unclassified",
                "residential", "track", "path", "footway")), highways.toString());
        assertTrue(osm.ways.stream().anyMatch(w -> w.is("tracktype", "grade3") && w.is("surface", "unpaved")));
        assertTrue(osm.ways.stream().anyMatch(w -> w.tag("maxweight") != null));
        assertTrue(osm.ways.stream().anyMatch(w -> w.tag("maxwidth") != null || w.is("width", "3")));
        assertTrue(osm.ways.stream().anyMatch(w -> w.tag("maxspeed") != null && !w.is("highway", "motorway")));
        long riverBridges = osm.ways.stream().filter(w -> w.is("bridge", "yes") && w.is("layer", "1")
                && osm.crosses(w, osm.waysWith("waterway", "river").get(0))).count();
        assertTrue(riverBridges >= 2 && riverBridges <= 4, "few river bridges: " + riverBridges);
    }

    @Test
    void villagesAreNamedPlacesAndHillRoadsWind() {
        long villages = osm.nodeTags.values().stream().filter(t -> "village".equals(t.get("place")) && t.get("name") != null).count();
        assertTrue(villages >= 20, "villages: " + villages);
        assertEquals(county.summary.villages(), 20);
        assertTrue(osm.nodeTags.values().stream().allMatch(t -> t.getOrDefault("note", "").contains("synthetic")), "every tagged node says it is synthetic");
        long windingRoads = osm.ways.stream().filter(w -> w.tag("highway") != null && sharpBends(w) >= 3).count();
        assertTrue(windingRoads >= 2, "roads with hairpins: " + windingRoads);
    }

    @Test
    void roadsCarryChineseNamesAndRouteNumbers() {
        for (ParsedOsm.Way way : osm.ways) {
            String highway = way.tag("highway");
            if (highway == null) {
                continue;
            }
            switch (highway) {
                case "motorway" -> assertEquals("S99", way.tag("ref"));
                case "secondary" -> assertTrue(way.tag("ref").matches("X\\d{3}"), "county road " + way.id() + ": " + way.tag("ref"));
                case "unclassified" -> assertTrue(way.tag("ref").matches("[XY]\\d{3}"), "road " + way.id() + ": " + way.tag("ref"));
                case "tertiary" -> assertTrue(way.tag("ref") != null || way.tag("name") != null, "road " + way.id());
                case "residential" -> assertTrue(way.tag("name") != null && way.tag("name").matches(".*[路街]"), "lane " + way.id());
                default -> {
                }
            }
            String name = way.tag("name");
            if (name != null) {
                assertTrue(name.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), name);
            }
        }
        long countyRoadsWithNames = osm.ways.stream().filter(w -> w.tag("ref") != null && w.tag("ref").startsWith("X")
                && w.tag("name") != null && w.tag("name").endsWith("线")).count();
        assertTrue(countyRoadsWithNames >= 5, "county roads named after their ends: " + countyRoadsWithNames);
        assertTrue(osm.ways.stream().anyMatch(w -> w.tag("name") != null && w.tag("name").matches(".{2}路") && w.tag("ref") != null && w.tag("ref").startsWith("Y")),
                "village roads named after the two villages they join");
        assertTrue(osm.ways.stream().anyMatch(w -> w.is("bridge", "yes") && w.is("name", "老石桥") && w.tag("ref") != null),
                "the old bridge keeps its own name and carries its road's number");
    }

    private int sharpBends(ParsedOsm.Way way) {
        int count = 0;
        for (int i = 1; i + 1 < way.nodeIds().size(); i++) {
            double[] a = osm.xy(way.nodeIds().get(i - 1)), b = osm.xy(way.nodeIds().get(i)), c = osm.xy(way.nodeIds().get(i + 1));
            if ((b[0] - a[0]) * (c[0] - b[0]) + (b[1] - a[1]) * (c[1] - b[1]) < 0) {
                count++;
            }
        }
        return count;
    }

    static void assertWellFormed(ParsedOsm osm) {
        assertTrue(osm.osmIsFirstEvent, "<osm> must directly follow the XML declaration (GraphHopper's reader)");
        assertEquals("0.6", osm.rootVersion);
        assertEquals("xiaoche-demodata", osm.generator);
        assertNotNull(osm.bounds, "<bounds> is required by GraphHopper");
        assertTrue(osm.boundsBeforeNodes);
        assertFalse(osm.nodeAfterWay, "all nodes come before the ways");
        assertTrue(osm.lonLat.keySet().stream().allMatch(id -> id > 0));
        for (double[] ll : osm.lonLat.values()) {
            assertTrue(ll[0] >= osm.bounds[0] && ll[0] <= osm.bounds[2] && ll[1] >= osm.bounds[1] && ll[1] <= osm.bounds[3]);
        }
        for (ParsedOsm.Way way : osm.ways) {
            assertTrue(way.id() > 0);
            assertTrue(way.nodeIds().size() >= 2, "way " + way.id());
            assertFalse(way.tags().isEmpty(), "way " + way.id() + " has tags");
            for (long ref : way.nodeIds()) {
                assertTrue(osm.lonLat.containsKey(ref), "way " + way.id() + " refers to missing node " + ref);
            }
        }
    }

    /**
     * No road segment touches the river except bridge ways; every bridge=yes way crosses the river or
     * the expressway; the expressway shares nodes only with its ramps; local roads cross it only on bridges.
     */
    static void assertBarriersRespected(ParsedOsm osm) {
        List<ParsedOsm.Way> rivers = osm.waysWith("waterway", "river");
        List<ParsedOsm.Way> motorways = osm.waysWith("highway", "motorway");
        assertEquals(1, rivers.size());
        assertFalse(motorways.isEmpty());
        Set<Long> riverNodes = new HashSet<>(rivers.get(0).nodeIds());
        Set<Long> motorwayNodes = new HashSet<>();
        motorways.forEach(m -> motorwayNodes.addAll(m.nodeIds()));
        int links = 0;
        for (ParsedOsm.Way way : osm.ways) {
            String highway = way.tag("highway");
            if (highway == null) {
                continue;
            }
            assertTrue(way.nodeIds().stream().noneMatch(riverNodes::contains), "way " + way.id() + " shares a node with the river");
            boolean bridge = way.is("bridge", "yes");
            if (bridge) {
                assertEquals("1", way.tag("layer"), "bridge " + way.id());
                boolean overRiver = osm.crosses(way, rivers.get(0));
                boolean overExpressway = motorways.stream().anyMatch(m -> osm.crosses(way, m));
                assertTrue(overRiver || overExpressway, "bridge " + way.id() + " crosses something");
            } else {
                assertFalse(osm.crosses(way, rivers.get(0)), highway + " way " + way.id() + " crosses the river off a bridge");
            }
            if (highway.equals("motorway")) {
                continue;
            }
            boolean sharesMotorwayNode = way.nodeIds().stream().anyMatch(motorwayNodes::contains);
            if (highway.equals("motorway_link")) {
                links++;
                assertTrue(sharesMotorwayNode, "ramp " + way.id() + " joins the expressway");
            } else {
                assertFalse(sharesMotorwayNode, highway + " way " + way.id() + " shares a node with the expressway");
                if (!bridge) {
                    for (ParsedOsm.Way motorway : motorways) {
                        assertFalse(osm.crosses(way, motorway), highway + " way " + way.id() + " crosses the expressway off a bridge");
                    }
                }
            }
        }
        assertTrue(links >= 2, "ramps: " + links);
    }
}
