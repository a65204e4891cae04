package org.xiaoche.routing.scenario;

import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.optimization.SchoolRouteSolver;
import org.xiaoche.routing.plan.Plan;
import org.xiaoche.routing.plan.PlanInput;
import org.xiaoche.routing.plan.PlanResult;
import org.xiaoche.routing.plan.SchoolBusPlanner;
import org.xiaoche.routing.progress.ProgressListener;
import org.xiaoche.routing.roster.School;
import org.xiaoche.routing.roster.Student;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs scenarios against a baseline: applies the changes to the baseline's inputs, then plans them
 * through {@link SchoolBusPlanner#replan}, so every school whose routing problem is unchanged keeps the
 * baseline's runs and only the schools that changed (the receiving schools, moved bells) are solved.
 * Eligibility is recomputed for everyone, so students whose new school is beyond the walk threshold now
 * need a bus. The planner uses the baseline's solver budget (seed included): the same scenario gives the
 * same plan.
 */
public final class ScenarioRunner {

    private final RoadNetwork network;
    private final SchoolRouteSolver solver;
    private SchoolBusTimes schoolTimes;

    public ScenarioRunner(RoadNetwork network, SchoolRouteSolver solver) {
        this.network = network;
        this.solver = solver;
    }

    /**
     * The baseline for scenarios: {@code plan} with the schools and students it was made from (refused when
     * they are not those; see {@link Baseline}) and their eligibility under the plan's policy.
     */
    public Baseline baseline(Plan plan, List<School> schools, List<Student> students, ProgressListener progress) {
        PlanInput input = new PlanInput(schools, students, plan.fleet(), plan.policy());
        // Checked before the eligibility work, so wrong files fail at once.
        Baseline.requireSameRoster(plan, input);
        SchoolBusPlanner planner = planner(plan);
        return new Baseline(plan, input, planner.eligibility(input, progress),
                org.xiaoche.routing.plan.PlanCodec.fingerprint(plan));
    }

    /** Applies {@code scenario} to the baseline and plans it. */
    public ScenarioResult run(Baseline baseline, Scenario scenario, ProgressListener progress) {
        if (!scenario.baselineFingerprint().equals(baseline.fingerprint())) {
            throw new IllegalArgumentException("scenario '" + scenario.name() + "' was made for another baseline plan");
        }
        progress.progress("scenario: apply changes", 0);
        AppliedScenario applied = apply(baseline, scenario);
        PlanResult result = planner(baseline.plan()).replan(baseline.plan(), applied.input(), progress.slice(0.02, 1));
        return new ScenarioResult(scenario, applied.input(), applied.reassignments(), result);
    }

    /** The inputs a scenario plans, and the students it moves. */
    public record AppliedScenario(PlanInput input, List<Reassignment> reassignments) {
    }

    /**
     * The baseline's inputs with the scenario's changes: closed schools removed and their students moved
     * (see {@link Scenario.Closure}), times moved, the policy and fleet replaced when given.
     *
     * @throws IllegalArgumentException naming the school when a closed or receiving school is unknown, a
     *                                  receiving school does not teach a moved student's grade, or no open
     *                                  school can take a student
     */
    public AppliedScenario apply(Baseline baseline, Scenario scenario) {
        PlanInput base = baseline.input();
        Map<String, School> schools = new LinkedHashMap<>();
        base.schools().forEach(s -> schools.put(s.id(), s));
        for (Scenario.TimeChange change : scenario.timeChanges()) {
            School s = require(schools, change.schoolId(), "school");
            schools.put(s.id(), s.withTimes(change.bellTime(), change.dismissalTime()));
        }
        Set<String> closed = scenario.closedSchoolIds();
        for (String id : closed) {
            require(schools, id, "closed school");
        }
        List<School> open = schools.values().stream().filter(s -> !closed.contains(s.id())).toList();
        if (open.isEmpty()) {
            throw new IllegalArgumentException("the scenario closes every school");
        }
        Map<String, Integer> enrolment = new HashMap<>();
        base.students().forEach(s -> enrolment.merge(s.schoolId(), 1, Integer::sum));
        Map<String, String> newSchool = new HashMap<>();
        List<Reassignment> moves = new ArrayList<>();
        List<Scenario.Closure> closures = new ArrayList<>(scenario.closures());
        closures.sort(Comparator.comparing(Scenario.Closure::schoolId));
        for (Scenario.Closure closure : closures) {
            School receiver = closure.toNearest() ? null : require(schools, closure.receivingSchoolId(), "receiving school");
            List<School> byTime = closure.toNearest() ? schoolTimes(base.schools()).nearestFirst(closure.schoolId(), open) : List.of();
            List<Student> pupils = base.students().stream().filter(s -> s.schoolId().equals(closure.schoolId()))
                    .sorted(Comparator.comparingInt(Student::grade).thenComparing(Student::id)).toList();
            for (Student pupil : pupils) {
                School to = receiver != null ? receiver : nearestWithRoom(byTime, pupil.grade(), enrolment);
                if (to == null) {
                    throw new IllegalArgumentException("closing school " + closure.schoolId() + ": no open school reachable"
                            + " by bus teaches grade " + pupil.grade() + " and has room");
                }
                if (!to.level().teaches(pupil.grade())) {
                    throw new IllegalArgumentException("closing school " + closure.schoolId() + ": receiving school "
                            + to.id() + " does not teach grade " + pupil.grade());
                }
                enrolment.merge(to.id(), 1, Integer::sum);
                newSchool.put(pupil.id(), to.id());
                moves.add(new Reassignment(pupil.id(), pupil.grade(), closure.schoolId(), to.id()));
            }
        }
        List<Student> students = base.students().stream().map(s -> newSchool.containsKey(s.id())
                ? new Student(s.id(), newSchool.get(s.id()), s.grade(), s.home(), s.wheelchair()) : s).toList();
        moves.sort(Comparator.comparing(Reassignment::studentId));
        PlanInput input = new PlanInput(open, students,
                scenario.fleet() == null ? base.fleet() : scenario.fleet(),
                scenario.policy() == null ? base.policy() : scenario.policy());
        return new AppliedScenario(input, moves);
    }

    /** Bus times among the baseline's schools (computed once per runner). */
    public synchronized SchoolBusTimes schoolTimes(List<School> schools) {
        if (schoolTimes == null) {
            schoolTimes = SchoolBusTimes.between(network, schools);
        }
        return schoolTimes;
    }

    private static School nearestWithRoom(List<School> byTime, int grade, Map<String, Integer> enrolment) {
        for (School s : byTime) {
            // Capacity 0 is unknown: such a school is not skipped, and the comparison reports its capacity as unknown.
            if (s.level().teaches(grade) && (s.capacity() == 0 || enrolment.getOrDefault(s.id(), 0) < s.capacity())) {
                return s;
            }
        }
        return null;
    }

    private SchoolBusPlanner planner(Plan plan) {
        if (!solver.name().equals(plan.solver().name())) {
            throw new IllegalArgumentException("the baseline plan was solved with " + plan.solver().name()
                    + ", not " + solver.name() + ": scenarios re-use its runs, so they must use the same solver");
        }
        return new SchoolBusPlanner(network, solver, plan.solver().budget());
    }

    private static School require(Map<String, School> schools, String id, String what) {
        School s = schools.get(id);
        if (s == null) {
            throw new IllegalArgumentException("no " + what + " with id '" + id + "' in the baseline (schools: "
                    + String.join(", ", new java.util.TreeSet<>(schools.keySet())) + ")");
        }
        return s;
    }
}
