package org.xiaoche.web.eligibility;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaoche.routing.eligibility.EligibilityCalculator;
import org.xiaoche.routing.eligibility.EligibilityResult;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.policy.PlanningPolicy;
import org.xiaoche.routing.progress.ProgressListener;
import org.xiaoche.routing.roster.School;
import org.xiaoche.routing.roster.Student;
import org.xiaoche.web.dataset.Dataset;
import org.xiaoche.web.dataset.DatasetRepository;
import org.xiaoche.web.job.JobContext;
import org.xiaoche.web.job.JobResult;
import org.xiaoche.web.job.JobStep;
import org.xiaoche.web.region.RegionNetworks;
import org.xiaoche.web.region.RegionRepository;

import java.util.List;

/**
 * Job {@code eligibility}: who walks and who needs transport for one dataset, with the engine's
 * {@link EligibilityCalculator}; the result is stored whole as an eligibility run, or not at all.
 * Parameters: {@code datasetId}, optional {@code walkThreshold_m}.
 */
@Component
public class EligibilityStep implements JobStep {

    public static final String KIND = "eligibility";
    public static final String RESULT_TYPE = "eligibility-run";

    private final DatasetRepository datasets;
    private final RegionRepository regions;
    private final RegionNetworks networks;
    private final EligibilityRunRepository runs;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;

    public EligibilityStep(DatasetRepository datasets, RegionRepository regions, RegionNetworks networks,
                           EligibilityRunRepository runs, TransactionTemplate transaction, ObjectMapper json) {
        this.datasets = datasets;
        this.regions = regions;
        this.networks = networks;
        this.runs = runs;
        this.transaction = transaction;
        this.json = json;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public JobResult run(JobContext context) throws JsonProcessingException {
        long datasetId = context.longParam("datasetId");
        PlanningPolicy defaults = PlanningPolicy.defaults();
        String threshold = context.params().get("walkThreshold_m");
        PlanningPolicy policy = threshold == null ? defaults : new PlanningPolicy(Double.parseDouble(threshold),
                defaults.gradeWalkThreshold_m(), defaults.maxHomeSnap_m(), defaults.maxOutsideArea_m());
        long runId = compute(datasetId, policy, context.jobId(), context.progress());
        return new JobResult(RESULT_TYPE, runId);
    }

    /** Computes and stores eligibility of a dataset; returns the new run's id. Also used by the demo. */
    public long compute(long datasetId, PlanningPolicy policy, Long jobId, ProgressListener progress) throws JsonProcessingException {
        Dataset dataset = datasets.findById(datasetId).orElseThrow(() -> new IllegalStateException("dataset " + datasetId + " was deleted"));
        progress.progress("load road network", 0.0);
        EligibilityResult result;
        try (RegionNetworks.InUse network = networks.use(regions.findById(dataset.regionId()).orElseThrow())) {
            progress.progress("load roster", 0.05);
            List<School> schools = datasets.schools(datasetId);
            List<Student> students = datasets.students(datasetId);
            result = new EligibilityCalculator(network.network()).compute(schools, students, policy, progress.slice(0.1, 0.9));
        }
        progress.progress("store results", 0.9);
        String policyJson = json.writeValueAsString(policy);
        Long runId = transaction.execute(status -> runs.insert(datasetId, jobId, policy.walkThreshold_m(), policyJson, result));
        progress.progress("done", 1.0);
        return runId;
    }
}
