package org.xiaoche.routing.timetable;

import java.util.List;
import java.util.Map;

/**
 * A plan as timetables: every bus with its timed runs, every transported student's journey, and
 * the students who need transport but have no stop they can walk to (with the reason).
 */
public record PlanTimetable(List<Bus> buses, List<StudentJourney> students, Map<String, String> unservedReasons) {
    public PlanTimetable {
        buses = List.copyOf(buses);
        students = List.copyOf(students);
        unservedReasons = Map.copyOf(unservedReasons);
    }

    public List<BusRun> runs() {
        return buses.stream().flatMap(b -> b.runs().stream()).toList();
    }
}
