package org.xiaoche.routing.policy;

import com.fasterxml.jackson.annotation.JsonMerge;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import com.graphhopper.routing.ev.RoadClass;
import com.graphhopper.routing.ev.RoadEnvironment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The planning policy: every rule a planner may change, in one file. Defaults and their sources
 * are those of the design brief §2; the same defaults, with their sources as comments, are shipped as
 * the resource {@code default-policy.json} beside this class. Read from JSON; a field left out keeps its
 * default, an unknown field is an error (a misspelt rule must not be silently ignored).
 *
 * @param walkThreshold_m      students living farther than this along the walking network need transport (Yantai plan, project 11)
 * @param gradeWalkThreshold_m per-grade overrides of {@code walkThreshold_m}
 * @param maxHomeSnap_m        homes farther than this from any walkable way are reported as off network
 * @param maxOutsideArea_m     points farther than this from any walkable way are outside the region: an input error
 * @param maxWalkToStop_m      longest walk along the walking network from where a home meets it to a bus stop;
 *                             0 means pick-up where the home meets the road (planner choice)
 * @param maxWalkToStopGrades1to3_m the same for young pupils ({@code youngGrades}); never above {@code maxWalkToStop_m}
 * @param maxWalkToBusRoad_m   the walk limits above are a planner's aim: a student with no stop within them still gets
 *                             a stop at the nearest point a bus may stop, flagged as a walk over the limit; only a
 *                             student with no such point within this distance is left unserved (default 3,000 m:
 *                             1.5 times the 2 km eligibility threshold, about 50 minutes at a child's pace; farther
 *                             than that a roadside stop is no service and the planner must arrange another one)
 * @param youngGrades          grades counted as young pupils, whose walk to a stop is shorter and whose whole journey
 *                             is capped ({@code routes.journeyCapGrades1to3_s}): grades 1–3 (国办发〔2018〕27号:
 *                             "原则上小学1—3年级学生不寄宿，就近走读上学，路途时间一般不超过半小时") and kindergarten
 *                             (grade 0), whose children are younger still
 * @param stopRoadClasses      OSM {@code highway} values a bus may stop on to pick children up, {@code _link} slip
 *                             roads written as such (e.g. {@code primary_link}); only roads the bus profile may drive
 *                             and a child may walk count. Default: every ordinary road, not motorways or trunk roads
 *                             (expressways and 快速路: no stopping, 道路交通安全法实施条例 第八十二条) nor any slip road;
 *                             motorways can never be allowed
 * @param noStopRoadEnvironments road environments where no stop is placed even on an allowed class: bridges and
 *                             tunnels (道路交通安全法实施条例 第六十三条: 桥梁、隧道 … 不得停车); ferries and fords are
 *                             never driven by the bus anyway
 * @param routes               rules for routes and timetables (ride caps, dwell, arrival window), JSON section {@code "routes"}
 * @param schoolDaysPerYear    days a year the buses run, turning daily costs into yearly ones (default 190: design brief §2,
 *                             planner choice; about 39 teaching weeks less holidays); 1..366; null (a plan stored before
 *                             the field existed) reads as the default
 * @param termCalendar         the school term the buses run in (first and last day, holidays, weekdays), for the
 *                             exported timetables' service days; a planner sets it from the county's 校历
 */
public record PlanningPolicy(
        double walkThreshold_m,
        Map<Integer, Double> gradeWalkThreshold_m,
        double maxHomeSnap_m,
        double maxOutsideArea_m,
        double maxWalkToStop_m,
        double maxWalkToStopGrades1to3_m,
        double maxWalkToBusRoad_m,
        List<Integer> youngGrades,
        List<String> stopRoadClasses,
        List<String> noStopRoadEnvironments,
        RouteRules routes,
        Integer schoolDaysPerYear,
        TermCalendar termCalendar) {

    public static final double DEFAULT_WALK_THRESHOLD_M = 2_000;
    public static final double DEFAULT_MAX_HOME_SNAP_M = 300;
    public static final double DEFAULT_MAX_OUTSIDE_AREA_M = 3_000;
    public static final double DEFAULT_MAX_WALK_TO_STOP_M = 500;
    public static final double DEFAULT_MAX_WALK_TO_STOP_GRADES_1_TO_3_M = 300;
    public static final double DEFAULT_MAX_WALK_TO_BUS_ROAD_M = 3_000;
    /** Upper bounds, so a typo cannot start searches across a province: eligibility walk 50 km. */
    public static final double MAX_WALK_THRESHOLD_M = 50_000;
    /** Upper bound of the home snap and of the walk to a stop: 5 km. */
    public static final double MAX_SNAP_M = 5_000;
    /** Upper bound of the distance a point may lie outside the mapped area: 50 km. */
    public static final double MAX_OUTSIDE_AREA_M = 50_000;
    /** Upper bound of the walk to a road a bus may stop on: 10 km. */
    public static final double MAX_WALK_TO_BUS_ROAD_M = 10_000;
    /** Grades 1–3 (国办发〔2018〕27号) and kindergarten (grade 0, see {@link org.xiaoche.routing.roster.Student}). */
    public static final List<Integer> DEFAULT_YOUNG_GRADES = List.of(0, 1, 2, 3);
    /** Every ordinary road; no motorway, trunk road or slip road (道路交通安全法实施条例 第八十二条). */
    public static final List<String> DEFAULT_STOP_ROAD_CLASSES = List.of("living_street", "primary", "residential",
            "road", "secondary", "service", "tertiary", "unclassified");
    /** 道路交通安全法实施条例 第六十三条: no stopping on bridges or in tunnels. */
    public static final List<String> DEFAULT_NO_STOP_ROAD_ENVIRONMENTS = List.of("bridge", "tunnel");

    /** School days a year (design brief §2, planner choice). */
    public static final int DEFAULT_SCHOOL_DAYS_PER_YEAR = 190;

    private static final int HIGHEST_GRADE = 12;
    private static final String LINK_SUFFIX = "_link";

    public PlanningPolicy {
        routes = routes == null ? RouteRules.defaults() : routes;
        schoolDaysPerYear = schoolDaysPerYear == null ? Integer.valueOf(DEFAULT_SCHOOL_DAYS_PER_YEAR) : schoolDaysPerYear;
        if (schoolDaysPerYear < 1 || schoolDaysPerYear > 366) {
            throw new SettingException("schoolDaysPerYear", SettingProblem.OUT_OF_RANGE,
                    "schoolDaysPerYear must be a whole number of days 1..366, got " + schoolDaysPerYear, schoolDaysPerYear, 1, 366);
        }
        termCalendar = termCalendar == null ? TermCalendar.DEFAULT : termCalendar;
        gradeWalkThreshold_m = gradeWalkThreshold_m == null ? Map.of() : Map.copyOf(new TreeMap<>(gradeWalkThreshold_m));
        requirePositive("walkThreshold_m", walkThreshold_m);
        requirePositive("maxHomeSnap_m", maxHomeSnap_m);
        requirePositive("maxOutsideArea_m", maxOutsideArea_m);
        requireAtMost("walkThreshold_m", walkThreshold_m, MAX_WALK_THRESHOLD_M);
        requireAtMost("maxHomeSnap_m", maxHomeSnap_m, MAX_SNAP_M);
        requireAtMost("maxOutsideArea_m", maxOutsideArea_m, MAX_OUTSIDE_AREA_M);
        requireAtMost("maxWalkToStop_m", maxWalkToStop_m, MAX_SNAP_M);
        requireAtMost("maxWalkToBusRoad_m", maxWalkToBusRoad_m, MAX_WALK_TO_BUS_ROAD_M);
        if (maxOutsideArea_m < maxHomeSnap_m) {
            throw new SettingException("maxOutsideArea_m", SettingProblem.OUTSIDE_AREA_BELOW_HOME_SNAP, "maxOutsideArea_m ("
                    + maxOutsideArea_m + ") must be at least maxHomeSnap_m (" + maxHomeSnap_m + ")", maxOutsideArea_m, maxHomeSnap_m);
        }
        requireNonNegative("maxWalkToStop_m", maxWalkToStop_m);
        requireNonNegative("maxWalkToStopGrades1to3_m", maxWalkToStopGrades1to3_m);
        if (maxWalkToStopGrades1to3_m > maxWalkToStop_m) {
            throw new SettingException("maxWalkToStopGrades1to3_m", SettingProblem.YOUNG_WALK_ABOVE_WALK, "maxWalkToStopGrades1to3_m ("
                    + maxWalkToStopGrades1to3_m + ") must not exceed maxWalkToStop_m (" + maxWalkToStop_m + ")",
                    maxWalkToStopGrades1to3_m, maxWalkToStop_m);
        }
        requireNonNegative("maxWalkToBusRoad_m", maxWalkToBusRoad_m);
        if (maxWalkToBusRoad_m < maxWalkToStop_m) {
            throw new SettingException("maxWalkToBusRoad_m", SettingProblem.BUS_ROAD_WALK_BELOW_WALK, "maxWalkToBusRoad_m ("
                    + maxWalkToBusRoad_m + ") must be at least maxWalkToStop_m (" + maxWalkToStop_m + ")", maxWalkToBusRoad_m, maxWalkToStop_m);
        }
        gradeWalkThreshold_m.forEach((grade, threshold_m) -> {
            if (grade < 0 || grade > HIGHEST_GRADE) {
                throw new SettingException("gradeWalkThreshold_m", SettingProblem.OUT_OF_RANGE,
                        "gradeWalkThreshold_m: grade " + grade + " is out of range 0..12", grade, 0, HIGHEST_GRADE);
            }
            requirePositive("gradeWalkThreshold_m[" + grade + "]", threshold_m == null ? Double.NaN : threshold_m);
            requireAtMost("gradeWalkThreshold_m[" + grade + "]", threshold_m, MAX_WALK_THRESHOLD_M);
        });
        youngGrades = youngGrades(youngGrades);
        stopRoadClasses = stopRoadClasses(stopRoadClasses);
        noStopRoadEnvironments = noStopRoadEnvironments(noStopRoadEnvironments);
    }

    /** A policy with the default school days per year. */
    public PlanningPolicy(double walkThreshold_m, Map<Integer, Double> gradeWalkThreshold_m, double maxHomeSnap_m,
                          double maxOutsideArea_m, double maxWalkToStop_m, double maxWalkToStopGrades1to3_m,
                          double maxWalkToBusRoad_m, List<Integer> youngGrades, List<String> stopRoadClasses,
                          List<String> noStopRoadEnvironments, RouteRules routes) {
        this(walkThreshold_m, gradeWalkThreshold_m, maxHomeSnap_m, maxOutsideArea_m, maxWalkToStop_m,
                maxWalkToStopGrades1to3_m, maxWalkToBusRoad_m, youngGrades, stopRoadClasses, noStopRoadEnvironments,
                routes, DEFAULT_SCHOOL_DAYS_PER_YEAR, TermCalendar.DEFAULT);
    }

    /** A policy with the default walks to a stop and the default young grades and stopping rules. */
    public PlanningPolicy(double walkThreshold_m, Map<Integer, Double> gradeWalkThreshold_m, double maxHomeSnap_m,
                          double maxOutsideArea_m) {
        this(walkThreshold_m, gradeWalkThreshold_m, maxHomeSnap_m, maxOutsideArea_m,
                DEFAULT_MAX_WALK_TO_STOP_M, DEFAULT_MAX_WALK_TO_STOP_GRADES_1_TO_3_M, RouteRules.defaults());
    }

    /** A policy with the default young grades, stopping rules and bound on the walk to a bus road. */
    public PlanningPolicy(double walkThreshold_m, Map<Integer, Double> gradeWalkThreshold_m, double maxHomeSnap_m,
                          double maxOutsideArea_m, double maxWalkToStop_m, double maxWalkToStopGrades1to3_m,
                          RouteRules routes) {
        this(walkThreshold_m, gradeWalkThreshold_m, maxHomeSnap_m, maxOutsideArea_m, maxWalkToStop_m,
                maxWalkToStopGrades1to3_m, Math.max(DEFAULT_MAX_WALK_TO_BUS_ROAD_M, maxWalkToStop_m),
                DEFAULT_YOUNG_GRADES, DEFAULT_STOP_ROAD_CLASSES, DEFAULT_NO_STOP_ROAD_ENVIRONMENTS, routes, DEFAULT_SCHOOL_DAYS_PER_YEAR,
                TermCalendar.DEFAULT);
    }

    public static PlanningPolicy defaults() {
        return new PlanningPolicy(DEFAULT_WALK_THRESHOLD_M, Map.of(), DEFAULT_MAX_HOME_SNAP_M, DEFAULT_MAX_OUTSIDE_AREA_M);
    }

    /** This policy with other walks to a stop. */
    public PlanningPolicy withMaxWalkToStop(double maxWalkToStop_m, double maxWalkToStopGrades1to3_m) {
        return new PlanningPolicy(walkThreshold_m, gradeWalkThreshold_m, maxHomeSnap_m, maxOutsideArea_m,
                maxWalkToStop_m, maxWalkToStopGrades1to3_m, Math.max(maxWalkToBusRoad_m, maxWalkToStop_m), youngGrades,
                stopRoadClasses, noStopRoadEnvironments, routes, schoolDaysPerYear, termCalendar);
    }

    /** This policy with another bound on the walk to the nearest point a bus may stop. */
    public PlanningPolicy withMaxWalkToBusRoad(double maxWalkToBusRoad_m) {
        return new PlanningPolicy(walkThreshold_m, gradeWalkThreshold_m, maxHomeSnap_m, maxOutsideArea_m,
                maxWalkToStop_m, maxWalkToStopGrades1to3_m, maxWalkToBusRoad_m, youngGrades, stopRoadClasses,
                noStopRoadEnvironments, routes, schoolDaysPerYear, termCalendar);
    }

    /** This policy with other young grades. */
    public PlanningPolicy withYoungGrades(Collection<Integer> youngGrades) {
        return new PlanningPolicy(walkThreshold_m, gradeWalkThreshold_m, maxHomeSnap_m, maxOutsideArea_m,
                maxWalkToStop_m, maxWalkToStopGrades1to3_m, maxWalkToBusRoad_m, List.copyOf(youngGrades), stopRoadClasses,
                noStopRoadEnvironments, routes, schoolDaysPerYear, termCalendar);
    }

    /** This policy with other roads a bus may stop on. */
    public PlanningPolicy withStopRoads(Collection<String> stopRoadClasses, Collection<String> noStopRoadEnvironments) {
        return new PlanningPolicy(walkThreshold_m, gradeWalkThreshold_m, maxHomeSnap_m, maxOutsideArea_m,
                maxWalkToStop_m, maxWalkToStopGrades1to3_m, maxWalkToBusRoad_m, youngGrades, List.copyOf(stopRoadClasses),
                List.copyOf(noStopRoadEnvironments), routes, schoolDaysPerYear, termCalendar);
    }

    /** This policy with another number of school days per year. */
    public PlanningPolicy withSchoolDaysPerYear(int days) {
        return new PlanningPolicy(walkThreshold_m, gradeWalkThreshold_m, maxHomeSnap_m, maxOutsideArea_m,
                maxWalkToStop_m, maxWalkToStopGrades1to3_m, maxWalkToBusRoad_m, youngGrades, stopRoadClasses,
                noStopRoadEnvironments, routes, days, termCalendar);
    }

    /** This policy with another school term. */
    public PlanningPolicy withTermCalendar(TermCalendar termCalendar) {
        return new PlanningPolicy(walkThreshold_m, gradeWalkThreshold_m, maxHomeSnap_m, maxOutsideArea_m,
                maxWalkToStop_m, maxWalkToStopGrades1to3_m, maxWalkToBusRoad_m, youngGrades, stopRoadClasses,
                noStopRoadEnvironments, routes, schoolDaysPerYear, termCalendar);
    }

    /** This policy with other route rules. */
    public PlanningPolicy withRoutes(RouteRules routes) {
        return new PlanningPolicy(walkThreshold_m, gradeWalkThreshold_m, maxHomeSnap_m, maxOutsideArea_m,
                maxWalkToStop_m, maxWalkToStopGrades1to3_m, maxWalkToBusRoad_m, youngGrades, stopRoadClasses,
                noStopRoadEnvironments, routes, schoolDaysPerYear, termCalendar);
    }

    /**
     * True when a pupil of {@code grade} is young ({@code youngGrades}; by default grades 1–3 and kindergarten,
     * grade 0): a shorter walk to the stop and the journey cap {@code routes.journeyCapGrades1to3_s} apply.
     */
    public boolean isYoungPupil(int grade) {
        return youngGrades.contains(grade);
    }

    /** The longest walk to a stop for a student of {@code grade}: young pupils get the stricter limit. */
    public double maxWalkToStopFor_m(int grade) {
        return isYoungPupil(grade) ? maxWalkToStopGrades1to3_m : maxWalkToStop_m;
    }

    /** The walking distance above which a student of {@code grade} needs transport. */
    public double walkThresholdFor_m(int grade) {
        return gradeWalkThreshold_m.getOrDefault(grade, walkThreshold_m);
    }

    /**
     * Reads a policy file; fields not given keep their defaults.
     *
     * @throws IllegalArgumentException naming the file and the reason when it is not a valid policy
     */
    public static PlanningPolicy read(Path file) {
        ObjectMapper mapper = new ObjectMapper()
                .enable(JsonParser.Feature.ALLOW_COMMENTS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            PlanningPolicy defaults = defaults();
            byte[] content = Files.readAllBytes(file);
            // Updating the defaults would take a list or a bare value without complaint, changing nothing.
            com.fasterxml.jackson.databind.JsonNode root = mapper.readTree(content);
            if (root == null || !root.isObject()) {
                boolean empty = root == null || root.isMissingNode();
                throw new SettingException("", empty ? SettingProblem.EMPTY_FILE : SettingProblem.NOT_A_JSON_OBJECT,
                        "the policy file must be one JSON object { … }" + (empty ? " (it is empty)" : ""));
            }
            return mapper.readerForUpdating(new Builder(defaults)).<Builder>readValue(content).build();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw JsonFileErrors.refusal(file.getFileName().toString(), "policy", e);
        } catch (IOException e) {
            throw SettingsFileException.of(file.getFileName().toString(),
                    new SettingException("", SettingProblem.UNREADABLE_FILE, "the policy file cannot be read"));
        } catch (IllegalArgumentException e) {
            throw SettingsFileException.of(file.getFileName().toString(), e);
        }
    }

    /** Mutable holder Jackson fills field by field on top of the defaults. */
    private static final class Builder {
        @JsonProperty public double walkThreshold_m;
        @JsonProperty public Map<Integer, Double> gradeWalkThreshold_m;
        @JsonProperty public double maxHomeSnap_m;
        @JsonProperty public double maxOutsideArea_m;
        @JsonProperty public double maxWalkToStop_m;
        @JsonProperty public double maxWalkToStopGrades1to3_m;
        @JsonProperty public Double maxWalkToBusRoad_m;
        @JsonProperty public List<Integer> youngGrades;
        @JsonProperty public List<String> stopRoadClasses;
        @JsonProperty public List<String> noStopRoadEnvironments;
        @JsonProperty @JsonMerge public RouteRules.Builder routes;
        @JsonProperty public Integer schoolDaysPerYear;
        @JsonProperty public TermCalendar termCalendar;

        Builder(PlanningPolicy p) {
            walkThreshold_m = p.walkThreshold_m();
            gradeWalkThreshold_m = p.gradeWalkThreshold_m();
            maxHomeSnap_m = p.maxHomeSnap_m();
            maxOutsideArea_m = p.maxOutsideArea_m();
            maxWalkToStop_m = p.maxWalkToStop_m();
            maxWalkToStopGrades1to3_m = p.maxWalkToStopGrades1to3_m();
            youngGrades = p.youngGrades();
            stopRoadClasses = p.stopRoadClasses();
            noStopRoadEnvironments = p.noStopRoadEnvironments();
            routes = new RouteRules.Builder(p.routes());
            schoolDaysPerYear = p.schoolDaysPerYear();
            termCalendar = p.termCalendar();
        }

        PlanningPolicy build() {
            // Left out, the bound follows a raised walk limit rather than failing against it.
            double toBusRoad_m = maxWalkToBusRoad_m != null ? maxWalkToBusRoad_m
                    : Math.max(DEFAULT_MAX_WALK_TO_BUS_ROAD_M, maxWalkToStop_m);
            return new PlanningPolicy(walkThreshold_m, gradeWalkThreshold_m, maxHomeSnap_m, maxOutsideArea_m,
                    maxWalkToStop_m, maxWalkToStopGrades1to3_m, toBusRoad_m, youngGrades, stopRoadClasses,
                    noStopRoadEnvironments, routes.build(), schoolDaysPerYear, termCalendar);
        }
    }

    private static List<Integer> youngGrades(List<Integer> grades) {
        if (grades == null) {
            throw new SettingException("youngGrades", SettingProblem.VALUE_EMPTY,
                    "youngGrades must be a list of grades 0..12 (0 = kindergarten), e.g. [0, 1, 2, 3]");
        }
        TreeSet<Integer> sorted = new TreeSet<>();
        for (Integer grade : grades) {
            if (grade == null || grade < 0 || grade > HIGHEST_GRADE) {
                throw new SettingException("youngGrades", SettingProblem.OUT_OF_RANGE,
                        "youngGrades: grade " + grade + " is out of range 0..12 (0 = kindergarten)", grade, 0, HIGHEST_GRADE);
            }
            sorted.add(grade);
        }
        return List.copyOf(sorted);
    }

    private static List<String> stopRoadClasses(List<String> classes) {
        if (classes == null || classes.isEmpty()) {
            throw new SettingException("stopRoadClasses", SettingProblem.NO_STOP_ROAD_CLASSES,
                    "stopRoadClasses must list at least one OSM highway value a bus may stop on, e.g. " + DEFAULT_STOP_ROAD_CLASSES);
        }
        TreeSet<String> sorted = new TreeSet<>();
        for (String value : classes) {
            String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
            String base = v.endsWith(LINK_SUFFIX) ? v.substring(0, v.length() - LINK_SUFFIX.length()) : v;
            if (!knownRoadClasses().contains(base) || base.equals("other")) {
                throw new SettingException("stopRoadClasses", SettingProblem.UNKNOWN_ROAD_CLASS, "stopRoadClasses: '" + value
                        + "' is not an OSM highway value of a road; one of " + knownRoadClasses().stream().filter(c -> !c.equals("other")).toList()
                        + ", optionally with " + LINK_SUFFIX, value);
            }
            if (base.equals("motorway")) {
                throw new SettingException("stopRoadClasses", SettingProblem.NO_STOP_ON_MOTORWAY, "stopRoadClasses: '" + value
                        + "' is not allowed: no stopping to pick up on an expressway (道路交通安全法实施条例 第八十二条)", value);
            }
            sorted.add(v);
        }
        return List.copyOf(sorted);
    }

    private static List<String> noStopRoadEnvironments(List<String> environments) {
        if (environments == null) {
            throw new SettingException("noStopRoadEnvironments", SettingProblem.VALUE_EMPTY,
                    "noStopRoadEnvironments must be a list, e.g. " + DEFAULT_NO_STOP_ROAD_ENVIRONMENTS);
        }
        List<String> known = Arrays.stream(RoadEnvironment.values()).map(e -> e.toString().toLowerCase(Locale.ROOT)).toList();
        TreeSet<String> sorted = new TreeSet<>();
        for (String value : environments) {
            String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
            if (!known.contains(v)) {
                throw new SettingException("noStopRoadEnvironments", SettingProblem.UNKNOWN_ROAD_ENVIRONMENT,
                        "noStopRoadEnvironments: '" + value + "' is not one of " + known, value);
            }
            sorted.add(v);
        }
        return List.copyOf(sorted);
    }

    private static List<String> knownRoadClasses() {
        return Arrays.stream(RoadClass.values()).map(c -> c.toString().toLowerCase(Locale.ROOT)).toList();
    }

    private static void requireNonNegative(String name, double value_m) {
        if (!(value_m >= 0) || !Double.isFinite(value_m)) {
            throw new SettingException(name, SettingProblem.NOT_NON_NEGATIVE, name + " must be zero or a positive number of metres, got "
                    + value_m, value_m);
        }
    }

    private static void requireAtMost(String name, double value_m, double max_m) {
        if (value_m > max_m) {
            throw new SettingException(name, SettingProblem.ABOVE_MAX, name + " must be at most " + (long) max_m + " metres, got " + value_m,
                    max_m, value_m);
        }
    }

    private static void requirePositive(String name, double value_m) {
        if (!(value_m > 0) || !Double.isFinite(value_m)) {
            throw new SettingException(name, SettingProblem.NOT_POSITIVE, name + " must be a positive number of metres, got " + value_m,
                    value_m);
        }
    }
}
