package org.xiaoche.web.planedit;

import org.xiaoche.routing.fleet.BusType;
import org.xiaoche.routing.fleet.Fleet;
import org.xiaoche.routing.policy.PlanningPolicy;
import org.xiaoche.routing.policy.RouteRules;
import org.xiaoche.routing.progress.ProgressListener;
import org.xiaoche.routing.timetable.BusRun;
import org.xiaoche.routing.timetable.RunDirection;
import org.xiaoche.routing.timetable.StudentJourney;
import org.xiaoche.routing.timetable.TimedStop;
import org.xiaoche.web.Fixtures;
import org.xiaoche.web.WebTestSupport;
import org.xiaoche.web.dataset.DatasetService;
import org.xiaoche.web.job.JobRepository;
import org.xiaoche.web.job.JobState;
import org.xiaoche.web.plan.PlanRepository;
import org.xiaoche.web.plan.PlanStep;
import org.xiaoche.web.region.RegionService;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A plan on the fixture village road made to be edited: E1 and E2 live at lon 0.02, E3 at lon 0.03, the school
 * at lon 0. The morning run calls at E3's stop, then E1/E2's, then the school. The ride cap is the longest planned
 * ride plus 10 s, so calling at the nearer stop first (its two pupils then ride out to lon 0.03 and all the way back,
 * 1,112 m more than E3 rides now) breaks the cap, and putting the order back clears it.
 */
public record EditablePlan(long regionId, long datasetId, long planId, String amRunId, String farStopId, String nearStopId,
                           double rideCap_s) {

    public static EditablePlan create(RegionService regions, DatasetService datasets, JobRepository jobs, PlanStep planning,
                                      PlanRepository plans) throws Exception {
        long regionId = region(regions, jobs);
        long datasetId = dataset(datasets, regionId, "students-edit.csv");
        long first = planning.compute(datasetId, Fleet.defaults(), PlanningPolicy.defaults(), null, "setup", ProgressListener.NONE);
        double longest_s = plans.findPlanValue(first).orElseThrow().journeys().stream().mapToDouble(StudentJourney::amRide_s)
                .max().orElseThrow();
        double cap_s = Math.ceil(longest_s) + 10;
        RouteRules d = RouteRules.defaults();
        PlanningPolicy capped = PlanningPolicy.defaults().withRoutes(new RouteRules(cap_s, d.journeyCapGrades1to3_s(),
                d.childWalkSpeed_mps(), d.waitAtStop_s(), d.dwellFixed_s(), d.dwellPerStudent_s(), d.arrivalEarliestBeforeBell_s(),
                d.arrivalLatestBeforeBell_s(), d.chaperoneCostPerBusDay(), d.solverSeconds()));
        long planId = planning.compute(datasetId, Fleet.defaults(), capped, null, "setup", ProgressListener.NONE);
        plans.delete(first);
        var value = plans.findPlanValue(planId).orElseThrow();
        assertTrue(value.validation().valid(), value.validation().verdict());
        BusRun am = value.runs().stream().filter(r -> r.direction() == RunDirection.AM).findFirst().orElseThrow();
        List<String> stops = am.stops().stream().filter(s -> !s.school()).map(TimedStop::placeId).toList();
        assertEquals(2, stops.size(), "one run calling at both stops: " + stops);
        String far = value.journeys().stream().filter(j -> j.studentId().equals("E3")).findFirst().orElseThrow().stopId();
        assertEquals(far, stops.get(0), "the far stop first");
        return new EditablePlan(regionId, datasetId, planId, am.runId(), far, stops.get(1), cap_s);
    }

    /**
     * A plan on its own region with two-seat buses: two pupils at lon 0.02 and two at lon 0.03, so each stop has a
     * morning run of its own; moving one stop into the other's run puts four pupils on two seats.
     *
     * @return the plan's id; its two morning runs, the far stop's run first
     */
    public static TwoRuns twoRuns(RegionService regions, DatasetService datasets, JobRepository jobs, PlanStep planning,
                                  PlanRepository plans) throws Exception {
        long regionId = region(regions, jobs);
        long datasetId = dataset(datasets, regionId, "students-edit-four.csv");
        Fleet twoSeats = new Fleet(List.of(new BusType("S2", 2, 300, 2.0, 10)), List.of());
        long planId = planning.compute(datasetId, twoSeats, PlanningPolicy.defaults(), null, "setup", ProgressListener.NONE);
        var value = plans.findPlanValue(planId).orElseThrow();
        assertTrue(value.validation().valid(), value.validation().verdict());
        String far = value.journeys().stream().filter(j -> j.studentId().equals("E3")).findFirst().orElseThrow().stopId();
        List<BusRun> am = value.runs().stream().filter(r -> r.direction() == RunDirection.AM)
                .sorted(java.util.Comparator.comparing((BusRun r) -> !r.first().placeId().equals(far))).toList();
        assertEquals(2, am.size(), "a run per stop");
        return new TwoRuns(regionId, planId, am.get(0).runId(), am.get(1).runId(), far);
    }

    /** See {@link #twoRuns}. */
    public record TwoRuns(long regionId, long planId, String farRunId, String nearRunId, String farStopId) {
    }

    private static long region(RegionService regions, JobRepository jobs) throws Exception {
        RegionService.Created created = regions.create("村 Village", "village.osm",
                new ByteArrayInputStream(WebTestSupport.fixture("region.osm")), "setup");
        assertEquals(JobState.SUCCEEDED, Fixtures.awaitFinished(jobs, created.job().id(), Duration.ofSeconds(60)).state());
        return created.region().id();
    }

    private static long dataset(DatasetService datasets, long regionId, String students) throws Exception {
        Path dir = Files.createTempDirectory("edit");
        Files.write(dir.resolve("schools.csv"), WebTestSupport.fixture("schools.csv"));
        Files.write(dir.resolve("students.csv"), WebTestSupport.fixture(students));
        return datasets.importFiles(regionId, "Edit", "wgs84", dir.resolve("schools.csv"), dir.resolve("students.csv"), "setup").id();
    }

    /** The edit that breaks the ride cap: the near stop first. */
    public String breakingEdit() {
        return "[{\"type\":\"reorder-run\",\"runId\":\"" + amRunId + "\",\"stopIds\":[\"" + nearStopId + "\",\"" + farStopId + "\"]}]";
    }

    /** The edit that puts the planned order back. */
    public String fixingEdit() {
        return "[{\"type\":\"reorder-run\",\"runId\":\"" + amRunId + "\",\"stopIds\":[\"" + farStopId + "\",\"" + nearStopId + "\"]}]";
    }
}
