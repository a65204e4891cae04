package org.xiaoche.web.plan;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.xiaoche.routing.export.PlanLayers;
import org.xiaoche.routing.export.edition.PublishedTimetable;
import org.xiaoche.web.system.ApiException;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What of a stored plan a caller may see ({@link PlanScope}), and its stop and route layers as that
 * caller gets them: the one place for the plan endpoints and the downloads.
 */
@Component
public class PlanScopes {

    private final PlanRepository plans;
    private final StoredPlanCache stored;
    private final OperatorBuses operatorBuses;

    public PlanScopes(PlanRepository plans, StoredPlanCache stored, OperatorBuses operatorBuses) {
        this.plans = plans;
        this.stored = stored;
        this.operatorBuses = operatorBuses;
    }

    /**
     * Planners and viewers see all of plan {@code id}; operators only a plan in force with buses of
     * their company, and only those buses. Any other plan is answered as missing, so an operator
     * learns nothing of drafts or other companies' plans.
     *
     * @throws ApiException 404
     */
    public PlanScope of(long id, Authentication auth) {
        PlanAudience audience = PlanAudience.of(auth);
        Set<String> buses = null;
        if (audience == PlanAudience.OPERATOR) {
            buses = operatorBuses.visibleTo(auth.getName()).get(id);
            if (buses == null) {
                throw ApiException.notFound("plan", id);
            }
        }
        return new PlanScope(plans.findById(id).orElseThrow(() -> ApiException.notFound("plan", id)), audience, buses);
    }

    /** Plan id → visible buses for an operator account (see {@link OperatorBuses}). */
    Map<Long, Set<String>> visibleToOperator(String username) {
        return operatorBuses.visibleTo(username);
    }

    /**
     * For readers who may not see counts of students: the plan's published times (count-free, to the
     * minute: the rule every export follows), so the map and timetables show operators what their
     * downloads say; empty for planners and viewers, who see the planned times.
     */
    public Optional<PublishedTimetable> published(PlanScope scope) {
        if (scope.audience().seesStudentCounts()) {
            return Optional.empty();
        }
        return stored.planValue(scope.plan().id()).map(p -> PublishedTimetable.of(p, p.buses()));
    }

    /** A run's first and last time as {@code scope} gets them: published for operators, planned otherwise. */
    public static double[] startEnd_s(Optional<PublishedTimetable> published, PlanRepository.RunRow run) {
        return published.flatMap(p -> p.run(run.runId()))
                .map(r -> new double[]{r.first().time_s(), r.last().time_s()})
                .orElse(new double[]{run.start_s(), run.end_s()});
    }

    /** The stops the scope's runs call at (every stop for all buses), each with those runs' arrivals. */
    public List<PlanLayers.Stop> stops(PlanScope scope) {
        long id = scope.plan().id();
        List<PlanLayers.StopCall> planned = scope.calls(stored.stopCalls(id), stored.runs(id));
        Optional<PublishedTimetable> published = published(scope);
        List<PlanLayers.StopCall> calls = published.isEmpty() ? planned : planned.stream()
                .map(c -> new PlanLayers.StopCall(c.stopId(), c.runId(),
                        published.get().timeAt(c.runId(), c.stopId()).map(Long::doubleValue).orElse(c.arrival_s())))
                .toList();
        Map<String, String> times = PlanLayers.arrivalTimesByStop(calls, scope.audience().studentCounts());
        return stored.stops(id).stream().filter(s -> scope.all() || times.containsKey(s.stopId()))
                .map(s -> new PlanLayers.Stop(s.stopId(), s.name(), s.roadName(), s.studentCount(), s.grades1to3Count(),
                        times.getOrDefault(s.stopId(), ""), s.location())).toList();
    }

    public List<PlanLayers.Route> routes(PlanScope scope) {
        Optional<PublishedTimetable> published = published(scope);
        return scope.runs(stored.runs(scope.plan().id())).stream().map(r -> {
            double[] times = startEnd_s(published, r);
            return new PlanLayers.Route(r.runId(), r.busId(), r.busType(), r.seats(), r.direction(), r.schoolId(),
                    r.students(), times[0], times[1], r.length_km(), r.line());
        }).toList();
    }
}
