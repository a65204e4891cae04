package org.xiaoche.routing.export;

import org.xiaoche.routing.eligibility.EligibilityResult;
import org.xiaoche.routing.eligibility.StudentEligibility;
import org.xiaoche.routing.geo.LonLat;

import java.io.IOException;
import java.util.List;

/**
 * The map layer of an eligibility result, shared by the command line's {@code students.geojson} and
 * the web service's: each student at home with the eligibility status. Homes are personal data of
 * minors, for planners only.
 */
public final class EligibilityLayers {

    private EligibilityLayers() {
    }

    /**
     * A student at home.
     *
     * @param status {@code walks}, {@code needs_transport} or {@code unreachable}
     * @param walk_m the walk on the network to school, NaN when unknown
     */
    public record Home(String studentId, String schoolId, int grade, String status, double walk_m, String reason,
                       LonLat location) {

        /** {@code student_id, school_id, grade, status, walk_m, reason}. */
        public FeatureProperties properties() {
            return new FeatureProperties().put("student_id", studentId).put("school_id", schoolId).put("grade", grade)
                    .put("status", status).put("walk_m", walk_m, 0).put("reason", reason);
        }
    }

    public static List<Home> homes(EligibilityResult result) {
        return result.students().stream().map(EligibilityLayers::home).toList();
    }

    public static void writeHomes(List<Home> homes, GeoJsonWriter geoJson) throws IOException {
        for (Home home : homes) {
            geoJson.point(home.location(), home.properties());
        }
    }

    private static Home home(StudentEligibility e) {
        return new Home(e.student().id(), e.student().schoolId(), e.student().grade(), e.status().code(), e.walk_m(),
                e.reason(), e.student().home());
    }
}
