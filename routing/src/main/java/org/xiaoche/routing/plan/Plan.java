package org.xiaoche.routing.plan;

import org.xiaoche.routing.fleet.Fleet;
import org.xiaoche.routing.policy.PlanningPolicy;
import org.xiaoche.routing.timetable.Bus;
import org.xiaoche.routing.timetable.BusRun;
import org.xiaoche.routing.timetable.PlanTimetable;
import org.xiaoche.routing.timetable.StudentJourney;
import org.xiaoche.routing.validation.ValidationReport;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a plan is, as one value: what it was made from (fingerprints, the policy, fleet and
 * solver settings used), its schools and named stops, buses with their timed runs, every
 * transported student's journey, the students left without a bus and why, each school's solved
 * runs (for re-use by {@code replan}), the summary and the validator's report. {@link PlanCodec}
 * writes and reads it; the summary and the report can be recomputed from the rest
 * ({@link PlanScoring}, {@link PlanChecks}) without the solver.
 *
 * @param needing every student who needs transport (id, school, grade), as eligibility decided
 */
public record Plan(int formatVersion, PlanInputs inputs, PlanningPolicy policy, Fleet fleet, SolverSettings solver,
                   List<PlanSchool> schools, List<PlanStop> stops, List<Bus> buses, List<StudentJourney> journeys,
                   List<NeedingStudent> needing, List<UnservedStudent> unserved, List<SchoolRuns> schoolRuns,
                   PlanSummary summary, ValidationReport validation) {

    /** Version of the stored form; {@link PlanCodec} refuses others. */
    public static final int FORMAT_VERSION = 1;

    /** A student who needs transport, as eligibility decided. */
    public record NeedingStudent(String studentId, String schoolId, int grade) {
    }

    public Plan {
        schools = List.copyOf(schools);
        stops = List.copyOf(stops);
        buses = List.copyOf(buses);
        journeys = List.copyOf(journeys);
        needing = List.copyOf(needing);
        unserved = List.copyOf(unserved);
        schoolRuns = List.copyOf(schoolRuns);
    }

    public Plan withSummary(PlanSummary newSummary) {
        return new Plan(formatVersion, inputs, policy, fleet, solver, schools, stops, buses, journeys, needing, unserved,
                schoolRuns, newSummary, validation);
    }

    public Plan withValidation(ValidationReport newValidation) {
        return new Plan(formatVersion, inputs, policy, fleet, solver, schools, stops, buses, journeys, needing, unserved,
                schoolRuns, summary, newValidation);
    }

    public List<BusRun> runs() {
        return buses.stream().flatMap(b -> b.runs().stream()).toList();
    }

    /** The timetable view the validator and the writers read. */
    public PlanTimetable timetable() {
        Map<String, String> reasons = new TreeMap<>();
        unserved.forEach(u -> reasons.put(u.studentId(), u.reason()));
        return new PlanTimetable(buses, journeys, reasons);
    }

    public java.util.Optional<PlanStop> findStop(String stopId) {
        return stops.stream().filter(s -> s.id().equals(stopId)).findFirst();
    }

    public java.util.Optional<PlanSchool> findSchool(String schoolId) {
        return schools.stream().filter(s -> s.id().equals(schoolId)).findFirst();
    }

    /** The school's name, or its id when the plan has no such school. */
    public String schoolName(String schoolId) {
        return findSchool(schoolId).map(PlanSchool::name).orElse(schoolId);
    }

    public java.util.Optional<SchoolRuns> findSchoolRuns(String schoolId) {
        return schoolRuns.stream().filter(s -> s.schoolId().equals(schoolId)).findFirst();
    }
}
