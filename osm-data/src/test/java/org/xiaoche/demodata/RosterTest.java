package org.xiaoche.demodata;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** schools.csv and students.csv of the default county: schema, enrolment shape, placement of schools and homes. */
class RosterTest {

    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
    private final GeneratedCounty county = GeneratedCounty.defaults();

    @Test
    void headersAndFieldsFollowTheSchema() {
        assertEquals(RosterCsvWriter.SCHOOLS_HEADER, county.schoolsHeader);
        assertEquals("school_id,name,level,lon,lat,capacity,bell_time,dismissal_time,teaching_point", county.schoolsHeader);
        assertEquals("student_id,school_id,grade,lon,lat", county.studentsHeader);
        for (String[] s : county.schools) {
            assertEquals(9, s.length);
            assertTrue(s[0].matches("S\\d{3}"), s[0]);
            assertTrue(Set.of("kindergarten", "primary", "junior", "nine_year").contains(s[2]), s[2]);
            assertTrue(inCountyBox(Double.parseDouble(s[3]), Double.parseDouble(s[4])), s[0]);
            assertTrue(Integer.parseInt(s[5]) > 0);
            assertTrue(TIME.matcher(s[6]).matches() && TIME.matcher(s[7]).matches(), s[0]);
            assertTrue(s[6].compareTo(s[7]) < 0, "bell before dismissal");
            assertTrue(Set.of("true", "false").contains(s[8]));
        }
        assertEquals(DemoCountyGenerator.DEFAULT_STUDENTS, county.students.size());
        for (int i = 0; i < county.students.size(); i++) {
            String[] p = county.students.get(i);
            assertEquals(5, p.length);
            assertEquals(String.format("P%06d", i + 1), p[0]);
            int grade = Integer.parseInt(p[2]);
            assertTrue(grade >= 1 && grade <= 9);
            assertTrue(inCountyBox(Double.parseDouble(p[3]), Double.parseDouble(p[4])));
        }
    }

    @Test
    void everyStudentAttendsASchoolTeachingTheirGrade() {
        Map<String, String[]> schools = schoolsById();
        for (String[] p : county.students) {
            String[] school = schools.get(p[1]);
            int grade = Integer.parseInt(p[2]);
            switch (school[2]) {
                case "junior" -> assertTrue(grade >= 7, p[0]);
                case "primary" -> assertTrue(grade <= ("true".equals(school[8]) ? 4 : 6), p[0]);
                case "nine_year" -> assertTrue(grade >= 1 && grade <= 9);
                default -> throw new AssertionError(school[2]);
            }
        }
    }

    @Test
    void gradeSharesAreRealistic() {
        int[] perGrade = new int[10];
        county.students.forEach(p -> perGrade[Integer.parseInt(p[2])]++);
        double n = county.students.size();
        for (int g = 1; g <= 9; g++) {
            assertTrue(perGrade[g] / n > 0.08 && perGrade[g] / n < 0.14, "grade " + g + ": " + perGrade[g]);
        }
        double juniors = (perGrade[7] + perGrade[8] + perGrade[9]) / n;
        assertTrue(juniors > 0.28 && juniors < 0.38, "junior share " + juniors);
    }

    @Test
    void schoolsRangeFromTeachingPointsToTheCentralPrimary() {
        Map<String, Integer> enrolment = enrolment();
        for (String[] s : county.schools) {
            assertTrue(enrolment.getOrDefault(s[0], 0) > 0, s[0] + " " + s[1] + " has no students");
        }
        assertTrue(enrolment.values().stream().filter(n -> n < 100).count() >= 3, "several small schools (< 100): " + enrolment);
        assertTrue(enrolment.values().stream().filter(n -> n < 30).count() >= 1, "some very small schools (< 30): " + enrolment);
        String[] central = county.schools.get(0);
        assertEquals("城关中心小学", central[1]);
        assertTrue(enrolment.get(central[0]) >= 600 && enrolment.get(central[0]) <= 900, "central primary " + enrolment.get(central[0]));
        assertTrue(county.schools.stream().anyMatch(s -> s[2].equals("junior")));
        assertTrue(county.schools.stream().anyMatch(s -> s[2].equals("nine_year")));
        assertTrue(county.schools.stream().filter(s -> s[8].equals("true")).count() >= 2, "teaching points");
    }

    @Test
    void schoolsSitWithin30mOfARoad() {
        List<double[][]> roads = roadSegments();
        for (String[] s : county.schools) {
            double d = nearest(roads, ParsedOsm.xy(Double.parseDouble(s[3]), Double.parseDouble(s[4])));
            assertTrue(d <= 30, s[1] + " is " + d + " m from the nearest road");
        }
    }

    @Test
    void homesClusterNearRoadsWithAFewOffTheNetwork() {
        List<double[][]> roads = roadSegments();
        int near = 0, offNetwork = 0;
        for (String[] p : county.students) {
            double d = nearest(roads, ParsedOsm.xy(Double.parseDouble(p[3]), Double.parseDouble(p[4])));
            if (d <= 400) {
                near++;
            }
            if (d >= 350 && d <= 600) {
                offNetwork++;
            }
        }
        double n = county.students.size();
        assertTrue(near / n > 0.95, "share within 400 m of a road: " + near / n);
        assertTrue(offNetwork >= 0.003 * n && offNetwork <= 0.015 * n, "350–600 m from any road: " + offNetwork);
    }

    @Test
    void someHomesAreNearTheirSchoolButAcrossTheRiver() {
        ParsedOsm.Way river = county.osm.waysWith("waterway", "river").get(0);
        Map<String, String[]> schools = schoolsById();
        int acrossTheRiver = 0;
        for (String[] p : county.students) {
            String[] school = schools.get(p[1]);
            double[] home = ParsedOsm.xy(Double.parseDouble(p[3]), Double.parseDouble(p[4]));
            double[] at = ParsedOsm.xy(Double.parseDouble(school[3]), Double.parseDouble(school[4]));
            if (Math.hypot(home[0] - at[0], home[1] - at[1]) < 2_000 && crossesLine(home, at, river)) {
                acrossTheRiver++;
            }
        }
        assertTrue(acrossTheRiver >= 20, "students < 2 km from school in a straight line but across the river: " + acrossTheRiver);
    }

    private boolean crossesLine(double[] a, double[] b, ParsedOsm.Way line) {
        for (int i = 1; i < line.nodeIds().size(); i++) {
            double[] c = county.osm.xy(line.nodeIds().get(i - 1)), d = county.osm.xy(line.nodeIds().get(i));
            if (SegmentGeometry.intersects(a[0], a[1], b[0], b[1], c[0], c[1], d[0], d[1])) {
                return true;
            }
        }
        return false;
    }

    private List<double[][]> roadSegments() {
        List<double[][]> segments = new ArrayList<>();
        for (ParsedOsm.Way way : county.osm.ways) {
            if (way.tag("highway") == null) {
                continue;
            }
            for (int i = 1; i < way.nodeIds().size(); i++) {
                segments.add(new double[][] {county.osm.xy(way.nodeIds().get(i - 1)), county.osm.xy(way.nodeIds().get(i))});
            }
        }
        return segments;
    }

    private static double nearest(List<double[][]> segments, double[] p) {
        double best = Double.POSITIVE_INFINITY;
        for (double[][] s : segments) {
            best = Math.min(best, SegmentGeometry.pointSegmentDistance(p[0], p[1], s[0][0], s[0][1], s[1][0], s[1][1]));
        }
        return best;
    }

    private Map<String, String[]> schoolsById() {
        Map<String, String[]> byId = new HashMap<>();
        county.schools.forEach(s -> byId.put(s[0], s));
        return byId;
    }

    private Map<String, Integer> enrolment() {
        Map<String, Integer> count = new HashMap<>();
        county.students.forEach(p -> count.merge(p[1], 1, Integer::sum));
        return count;
    }

    private static boolean inCountyBox(double lon, double lat) {
        return lon > 120.9 && lon < 121.5 && lat > 36.95 && lat < 37.35;
    }
}
