package org.xiaoche.routing.export;

import org.xiaoche.routing.plan.Plan;
import org.xiaoche.routing.plan.PlanStop;
import org.xiaoche.routing.timetable.Bus;

import java.util.ArrayList;
import java.util.List;

/** Plans changed for a test: a stop renamed, other buses. */
public final class PlanEdits {

    private PlanEdits() {
    }

    public static Plan renameStop(Plan plan, String stopId, String newName) {
        List<PlanStop> stops = new ArrayList<>();
        for (PlanStop s : plan.stops()) {
            stops.add(s.id().equals(stopId) ? new PlanStop(s.id(), newName, s.location()) : s);
        }
        return new Plan(plan.formatVersion(), plan.inputs(), plan.policy(), plan.fleet(), plan.solver(), plan.schools(), stops,
                plan.buses(), plan.journeys(), plan.needing(), plan.unserved(), plan.schoolRuns(), plan.summary(), plan.validation());
    }

    public static Plan withBuses(Plan plan, List<Bus> buses) {
        return new Plan(plan.formatVersion(), plan.inputs(), plan.policy(), plan.fleet(), plan.solver(), plan.schools(),
                plan.stops(), buses, plan.journeys(), plan.needing(), plan.unserved(), plan.schoolRuns(), plan.summary(),
                plan.validation());
    }
}
