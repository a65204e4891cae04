package org.xiaoche.routing.policy;

import com.fasterxml.jackson.annotation.JsonMerge;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The planning policy: every rule a planner may change, in one file. Defaults and their sources
 * are those of the design brief §2. Read from JSON; a field left out keeps its default, an unknown
 * field is an error (a misspelt rule must not be silently ignored).
 *
 * @param walkThreshold_m      students living farther than this along the walking network need transport (Yantai plan, project 11)
 * @param gradeWalkThreshold_m per-grade overrides of {@code walkThreshold_m}
 * @param maxHomeSnap_m        homes farther than this from any walkable way are reported as off network
 * @param maxOutsideArea_m     points farther than this from any walkable way are outside the region: an input error
 * @param maxWalkToStop_m      longest walk along the walking network from where a home meets it to a bus stop;
 *                             0 means pick-up where the home meets the road
 * @param maxWalkToStopGrades1to3_m the same for the youngest pupils (grades 1–3, and kindergarten, who are younger
 *                             still); never above {@code maxWalkToStop_m}
 * @param routes               rules for routes and timetables (ride caps, dwell, arrival window), JSON section {@code "routes"}
 */
public record PlanningPolicy(
        double walkThreshold_m,
        Map<Integer, Double> gradeWalkThreshold_m,
        double maxHomeSnap_m,
        double maxOutsideArea_m,
        double maxWalkToStop_m,
        double maxWalkToStopGrades1to3_m,
        RouteRules routes) {

    public static final double DEFAULT_WALK_THRESHOLD_M = 2_000;
    public static final double DEFAULT_MAX_HOME_SNAP_M = 300;
    public static final double DEFAULT_MAX_OUTSIDE_AREA_M = 3_000;
    public static final double DEFAULT_MAX_WALK_TO_STOP_M = 500;
    public static final double DEFAULT_MAX_WALK_TO_STOP_GRADES_1_TO_3_M = 300;

    public PlanningPolicy {
        routes = routes == null ? RouteRules.defaults() : routes;
        gradeWalkThreshold_m = gradeWalkThreshold_m == null ? Map.of() : Map.copyOf(new TreeMap<>(gradeWalkThreshold_m));
        requirePositive("walkThreshold_m", walkThreshold_m);
        requirePositive("maxHomeSnap_m", maxHomeSnap_m);
        requirePositive("maxOutsideArea_m", maxOutsideArea_m);
        if (maxOutsideArea_m < maxHomeSnap_m) {
            throw new IllegalArgumentException("maxOutsideArea_m (" + maxOutsideArea_m + ") must be at least maxHomeSnap_m (" + maxHomeSnap_m + ")");
        }
        requireNonNegative("maxWalkToStop_m", maxWalkToStop_m);
        requireNonNegative("maxWalkToStopGrades1to3_m", maxWalkToStopGrades1to3_m);
        if (maxWalkToStopGrades1to3_m > maxWalkToStop_m) {
            throw new IllegalArgumentException("maxWalkToStopGrades1to3_m (" + maxWalkToStopGrades1to3_m
                    + ") must not exceed maxWalkToStop_m (" + maxWalkToStop_m + ")");
        }
        gradeWalkThreshold_m.forEach((grade, threshold_m) -> {
            if (grade < 0 || grade > 12) {
                throw new IllegalArgumentException("gradeWalkThreshold_m: grade " + grade + " is out of range 0..12");
            }
            requirePositive("gradeWalkThreshold_m[" + grade + "]", threshold_m == null ? Double.NaN : threshold_m);
        });
    }

    /** A policy with the default walks to a stop. */
    public PlanningPolicy(double walkThreshold_m, Map<Integer, Double> gradeWalkThreshold_m, double maxHomeSnap_m,
                          double maxOutsideArea_m) {
        this(walkThreshold_m, gradeWalkThreshold_m, maxHomeSnap_m, maxOutsideArea_m,
                DEFAULT_MAX_WALK_TO_STOP_M, DEFAULT_MAX_WALK_TO_STOP_GRADES_1_TO_3_M, RouteRules.defaults());
    }

    public static PlanningPolicy defaults() {
        return new PlanningPolicy(DEFAULT_WALK_THRESHOLD_M, Map.of(), DEFAULT_MAX_HOME_SNAP_M, DEFAULT_MAX_OUTSIDE_AREA_M);
    }

    /** This policy with other walks to a stop. */
    public PlanningPolicy withMaxWalkToStop(double maxWalkToStop_m, double maxWalkToStopGrades1to3_m) {
        return new PlanningPolicy(walkThreshold_m, gradeWalkThreshold_m, maxHomeSnap_m, maxOutsideArea_m,
                maxWalkToStop_m, maxWalkToStopGrades1to3_m, routes);
    }

    /** This policy with other route rules. */
    public PlanningPolicy withRoutes(RouteRules routes) {
        return new PlanningPolicy(walkThreshold_m, gradeWalkThreshold_m, maxHomeSnap_m, maxOutsideArea_m,
                maxWalkToStop_m, maxWalkToStopGrades1to3_m, routes);
    }

    /**
     * The longest walk to a stop for a student of {@code grade}. Grades 1–3 get the stricter limit; so does
     * kindergarten (grade 0), whose children are younger still.
     */
    public double maxWalkToStopFor_m(int grade) {
        return grade <= 3 ? maxWalkToStopGrades1to3_m : maxWalkToStop_m;
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
            return mapper.readerForUpdating(new Builder(defaults)).<Builder>readValue(Files.readAllBytes(file)).build();
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException(file.getFileName() + ": unknown policy field '" + e.getPropertyName()
                    + "' (line " + e.getLocation().getLineNr() + ")", e);
        } catch (IOException e) {
            throw new IllegalArgumentException(file.getFileName() + ": not a valid policy file: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage()), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file.getFileName() + ": " + e.getMessage(), e);
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
        @JsonProperty @JsonMerge public RouteRules.Builder routes;

        Builder(PlanningPolicy p) {
            walkThreshold_m = p.walkThreshold_m();
            gradeWalkThreshold_m = p.gradeWalkThreshold_m();
            maxHomeSnap_m = p.maxHomeSnap_m();
            maxOutsideArea_m = p.maxOutsideArea_m();
            maxWalkToStop_m = p.maxWalkToStop_m();
            maxWalkToStopGrades1to3_m = p.maxWalkToStopGrades1to3_m();
            routes = new RouteRules.Builder(p.routes());
        }

        PlanningPolicy build() {
            return new PlanningPolicy(walkThreshold_m, gradeWalkThreshold_m, maxHomeSnap_m, maxOutsideArea_m,
                    maxWalkToStop_m, maxWalkToStopGrades1to3_m, routes.build());
        }
    }

    private static void requireNonNegative(String name, double value_m) {
        if (!(value_m >= 0) || !Double.isFinite(value_m)) {
            throw new IllegalArgumentException(name + " must be zero or a positive number of metres, got " + value_m);
        }
    }

    private static void requirePositive(String name, double value_m) {
        if (!(value_m > 0) || !Double.isFinite(value_m)) {
            throw new IllegalArgumentException(name + " must be a positive number of metres, got " + value_m);
        }
    }
}
