package org.xiaoche.routing.scenario;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xiaoche.demodata.DemoCounty;
import org.xiaoche.routing.fleet.Fleet;
import org.xiaoche.routing.geo.CoordinateSystem;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.optimization.SolverBudget;
import org.xiaoche.routing.optimization.jsprit.JspritSchoolRouteSolver;
import org.xiaoche.routing.plan.PlanChecks;
import org.xiaoche.routing.plan.PlanInput;
import org.xiaoche.routing.plan.PlanResult;
import org.xiaoche.routing.plan.SchoolBusPlanner;
import org.xiaoche.routing.policy.PlanningPolicy;
import org.xiaoche.routing.progress.ProgressListener;
import org.xiaoche.routing.roster.School;
import org.xiaoche.routing.roster.io.RosterReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The demo county's small schools (its teaching points and schools under 100 pupils), each merged into its
 * nearest receiving school: every scenario plan passes the validator (as planned and as stored), the
 * moved students are exactly the closed school's, and the candidates are ranked as documented.
 */
class DemoCountyScenarioTest {

    @TempDir
    static Path dir;

    static RoadNetwork network;
    static ScenarioRunner runner;
    static Baseline baseline;

    @BeforeAll
    static void planDemoCounty() throws Exception {
        Path data = DemoCounty.extractTo(dir.resolve("demo"));
        network = RoadNetwork.importOrLoad(data.resolve(DemoCounty.OSM_FILE), Path.of("target", "graph-cache"), ProgressListener.NONE);
        PlanningPolicy policy = PlanningPolicy.defaults();
        var roster = RosterReader.readRoster(data.resolve(DemoCounty.SCHOOLS_FILE), data.resolve(DemoCounty.STUDENTS_FILE),
                CoordinateSystem.WGS84, network.area(policy.maxOutsideArea_m()));
        PlanInput input = new PlanInput(roster.schools(), roster.students(), Fleet.defaults(), policy);
        PlanResult base = new SchoolBusPlanner(network, new JspritSchoolRouteSolver(), SolverBudget.defaults())
                .plan(input, ProgressListener.NONE);
        runner = new ScenarioRunner(network, new JspritSchoolRouteSolver());
        baseline = runner.baseline(base.plan(), roster.schools(), roster.students(), ProgressListener.NONE);
    }

    @AfterAll
    static void close() {
        network.close();
    }

    @Test
    void everySmallSchoolMergedGivesAPlanThatPassesTheValidator() {
        List<School> small = Candidates.smallSchools(baseline.input());
        assertEquals(Set.of("S004", "S006", "S007", "S009", "S012", "S013", "S014", "S015", "S016"),
                small.stream().map(School::id).collect(Collectors.toSet()), "teaching points and schools under 100 pupils");
        List<ClosureOption> options = Candidates.options(baseline.input(), runner.schoolTimes(baseline.input().schools()),
                small.stream().map(School::id).toList(), 1);
        assertEquals(small.size(), options.size(), "every small school has a receiving school");
        List<ClosureEffect> effects = new ArrayList<>();
        for (ClosureOption option : options) {
            assertFalse(small.stream().anyMatch(s -> s.id().equals(option.receivingSchoolId())), "a receiver is not small");
            ScenarioResult r = runner.run(baseline, new LayoutChoice(new java.util.TreeMap<>(java.util.Map.of(
                    option.schoolId(), option.receivingSchoolId()))).scenario(option.key(), baseline.fingerprint()),
                    ProgressListener.NONE);
            assertTrue(r.result().validation().valid(), option.key() + ": " + r.result().validation().verdict());
            assertTrue(PlanChecks.revalidate(r.result().plan()).valid(), option.key() + ": the stored plan re-validates");
            long pupils = baseline.input().students().stream().filter(s -> s.schoolId().equals(option.schoolId())).count();
            assertEquals(pupils, r.reassignments().size());
            assertTrue(r.reassignments().stream().allMatch(m -> m.toSchoolId().equals(option.receivingSchoolId())));
            assertTrue(r.result().plan().schools().stream().noneMatch(s -> s.id().equals(option.schoolId())));
            effects.add(Candidates.effect(baseline, r));
        }
        List<Candidates.Candidate> ranked = Candidates.rank(baseline, small, effects);
        assertEquals(small.size(), ranked.size());
        for (int i = 1; i < ranked.size(); i++) {
            assertFalse(!ranked.get(i - 1).feasible() && ranked.get(i).feasible(), "feasible candidates come first");
        }
        for (Candidates.Candidate c : ranked) {
            assertEquals(c.feasible(), c.whyNot().isEmpty(), c.toString());
        }
    }
}
