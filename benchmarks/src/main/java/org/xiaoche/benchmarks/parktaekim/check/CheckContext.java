package org.xiaoche.benchmarks.parktaekim.check;

import org.xiaoche.benchmarks.parktaekim.ParkInstance;
import org.xiaoche.benchmarks.parktaekim.ParkSchool;
import org.xiaoche.benchmarks.parktaekim.ParkStop;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What every rule needs: the instance by id, the ride cap, a time tolerance, and the benchmark's
 * own time model (written out here on purpose, not taken from the solver).
 */
public final class CheckContext {

    static final double SPEED_FT_PER_S = 29.3333333;
    static final int SEATS = 66;

    final ParkInstance instance;
    final double maxRide_s;
    final double tolerance_s;
    final Map<Integer, ParkStop> stops = new HashMap<>();
    final Map<Integer, ParkSchool> schools = new HashMap<>();

    /**
     * @param tolerance_s slack on time comparisons: ~1e-6 for exact timetables, about a second per
     *                    leg for Park's files, whose times are integers
     */
    public CheckContext(ParkInstance instance, double maxRide_s, double tolerance_s) {
        this.instance = instance;
        this.maxRide_s = maxRide_s;
        this.tolerance_s = tolerance_s;
        instance.stops().forEach(s -> stops.put(s.id(), s));
        instance.schools().forEach(s -> schools.put(s.id(), s));
    }

    static double stopDwell_s(int students) {
        return 19 + 2.6 * students;
    }

    static double schoolDwell_s(int students) {
        return students == 0 ? 0 : 29 + 1.9 * students;
    }

    double x_ft(int id) {
        return stops.containsKey(id) ? stops.get(id).x_ft() : schools.get(id).x_ft();
    }

    double y_ft(int id) {
        return stops.containsKey(id) ? stops.get(id).y_ft() : schools.get(id).y_ft();
    }

    double travel_s(int fromId, int toId) {
        return (Math.abs(x_ft(fromId) - x_ft(toId)) + Math.abs(y_ft(fromId) - y_ft(toId))) / SPEED_FT_PER_S;
    }

    boolean known(int id) {
        return stops.containsKey(id) || schools.containsKey(id);
    }

    /** Students alighting at visit {@code k} (a school): those on board for that school. */
    static int[] dropped(CheckContext context, List<Visit> visits) {
        int[] dropped = new int[visits.size()];
        Map<Integer, Integer> onBoardBySchool = new HashMap<>();
        for (int k = 0; k < visits.size(); k++) {
            int id = visits.get(k).id();
            ParkStop stop = context.stops.get(id);
            if (stop != null) {
                onBoardBySchool.merge(stop.schoolId(), stop.students(), Integer::sum);
            } else if (context.schools.containsKey(id)) {
                Integer n = onBoardBySchool.remove(id);
                dropped[k] = n == null ? 0 : n;
            }
        }
        return dropped;
    }
}
