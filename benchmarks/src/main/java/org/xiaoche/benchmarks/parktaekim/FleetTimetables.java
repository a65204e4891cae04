package org.xiaoche.benchmarks.parktaekim;

import org.xiaoche.benchmarks.parktaekim.check.BusTimetable;
import org.xiaoche.benchmarks.parktaekim.check.Visit;
import org.xiaoche.routing.optimization.FleetPlan;
import org.xiaoche.routing.optimization.SchoolRoute;
import org.xiaoche.routing.optimization.StopVisit;
import org.xiaoche.routing.optimization.chaining.BusChain;

import java.util.ArrayList;
import java.util.List;

/** A fleet plan written as the checker's timetables (ids as in the instance files; buses numbered from 1). */
public final class FleetTimetables {

    private FleetTimetables() {
    }

    public static List<BusTimetable> of(FleetPlan plan) {
        List<BusTimetable> buses = new ArrayList<>();
        int busId = 1;
        for (BusChain bus : plan.buses()) {
            List<Visit> visits = new ArrayList<>();
            for (SchoolRoute run : bus.runs()) {
                for (StopVisit visit : run.visits()) {
                    visits.add(new Visit(Integer.parseInt(visit.stop().id()), visit.arrival_s(), visit.departure_s()));
                }
                visits.add(new Visit(Integer.parseInt(run.schoolId()), run.schoolArrival_s(), run.schoolDeparture_s()));
            }
            buses.add(new BusTimetable(Integer.toString(busId++), visits));
        }
        return buses;
    }
}
