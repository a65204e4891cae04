package org.xiaoche.routing.optimization;

import org.junit.jupiter.api.Test;
import org.xiaoche.routing.optimization.chaining.BestOfChainer;
import org.xiaoche.routing.optimization.jsprit.JspritSchoolRouteSolver;
import org.xiaoche.routing.optimization.timefold.TimefoldSchoolRouteSolver;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hand-made instance with a known optimum. School A at x=0 with six stops of 30 students at x =
 * 100…600: seats 66 allow at most two stops per run, so 3 runs is optimal (and reachable: the cap
 * of 1000 s fits any pair). School B at x=0, y=500 has one stop of 10 students; its window is an
 * hour after A's, so a bus of A can serve it afterwards: 3 buses in all.
 */
class TinyInstanceSolverTest {

    private static final int NODES = 9;

    private static List<SchoolRoutingProblem> problems() {
        double[] x = new double[NODES];
        double[] y = new double[NODES];
        // node 0 = school A, 1..6 = A's stops, 7 = school B, 8 = B's stop
        for (int i = 1; i <= 6; i++) {
            x[i] = 100.0 * i;
        }
        y[7] = 500;
        y[8] = 700;
        TravelTimes times = new GridTravelTimes(x, y);
        List<PickupStop> stopsA = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            stopsA.add(new PickupStop("a" + i, i, 30, 1000));
        }
        return List.of(
                new SchoolRoutingProblem("A", 0, new ArrivalWindow(28_800, 29_400), stopsA,
                        DwellModel.PARK_STOP, DwellModel.PARK_SCHOOL, 66, times),
                new SchoolRoutingProblem("B", 7, new ArrivalWindow(32_400, 33_000),
                        List.of(new PickupStop("b1", 8, 10, 1000)), DwellModel.PARK_STOP, DwellModel.PARK_SCHOOL, 66,
                        times));
    }

    private static void assertOptimum(SchoolRouteSolver solver) {
        List<SchoolRoutingProblem> problems = problems();
        FleetPlan plan = new FleetPlanner(solver, BestOfChainer.standard(), 1)
                .plan(problems, problems.get(0).travelTimes(), SolverBudget.defaults());
        assertEquals(List.of(), plan.unserved());
        assertEquals(3, plan.schoolPlans().get(0).routes().size(), solver.name() + " runs of A");
        assertEquals(4, plan.runCount());
        assertEquals(3, plan.buses().size(), solver.name() + " buses after chaining");
        for (SchoolRoutePlan schoolPlan : plan.schoolPlans()) {
            for (SchoolRoute route : schoolPlan.routes()) {
                assertTrue(route.load() <= 66);
                List<PickupStop> order = route.visits().stream().map(StopVisit::stop).toList();
                assertTrue(RunRules.feasible(schoolPlan.problem(), order));
            }
        }
    }

    @Test
    void timefoldFindsTheKnownOptimum() {
        assertOptimum(new TimefoldSchoolRouteSolver());
    }

    @Test
    void jspritFindsTheKnownOptimum() {
        assertOptimum(new JspritSchoolRouteSolver());
    }

    @Test
    void stopBeyondItsCapIsReportedUnserved() {
        TravelTimes times = new GridTravelTimes(new double[]{0, 5000}, new double[2]);
        SchoolRoutingProblem p = new SchoolRoutingProblem("A", 0, new ArrivalWindow(0, 100),
                List.of(new PickupStop("far", 1, 5, 1000)), DwellModel.PARK_STOP, DwellModel.PARK_SCHOOL, 66, times);
        SchoolRoutePlan plan = new TimefoldSchoolRouteSolver().solve(p, SolverBudget.defaults());
        assertEquals(List.of(), plan.routes());
        assertEquals(1, plan.unserved().size());
    }

    @Test
    void progressIsReportedPerSchoolAndAThrowingListenerStopsPlanning() {
        List<SchoolRoutingProblem> problems = problems();
        List<Double> fractions = new java.util.concurrent.CopyOnWriteArrayList<>();
        new FleetPlanner(new JspritSchoolRouteSolver(), BestOfChainer.standard(), 1)
                .plan(problems, problems.get(0).travelTimes(), SolverBudget.defaults(), (stage, f) -> fractions.add(f));
        assertEquals(List.of(0.5, 1.0), fractions, "one report per school solved");

        RuntimeException cancelled = new IllegalStateException("cancelled");
        RuntimeException thrown = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () ->
                new FleetPlanner(new JspritSchoolRouteSolver(), BestOfChainer.standard(), 1)
                        .plan(problems, problems.get(0).travelTimes(), SolverBudget.defaults(), (stage, f) -> {
                            throw cancelled;
                        }));
        assertEquals(cancelled, thrown);
    }
}
