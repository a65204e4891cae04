package org.xiaoche.web.plan;

import org.xiaoche.routing.export.PlanLayers;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A stored plan as one caller sees it: the audience decides what is left out, {@code buses} which
 * buses are in (null: every bus; an operator's company's buses otherwise). Made by {@link PlanScopes}.
 */
public record PlanScope(Plan plan, PlanAudience audience, Set<String> buses) {

    public PlanScope {
        buses = buses == null ? null : Set.copyOf(buses);
    }

    public boolean all() {
        return buses == null;
    }

    public boolean includes(String busId) {
        return all() || buses.contains(busId);
    }

    public List<PlanRepository.RunRow> runs(List<PlanRepository.RunRow> runs) {
        return all() ? runs : runs.stream().filter(r -> buses.contains(r.busId())).toList();
    }

    /** The calls of the runs this caller sees, out of every call and run of the plan. */
    public List<PlanLayers.StopCall> calls(List<PlanLayers.StopCall> calls, List<PlanRepository.RunRow> allRuns) {
        if (all()) {
            return calls;
        }
        Set<String> runIds = runs(allRuns).stream().map(PlanRepository.RunRow::runId).collect(Collectors.toSet());
        return calls.stream().filter(c -> runIds.contains(c.runId())).toList();
    }
}
