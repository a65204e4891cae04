package org.xiaoche.web.dataset;

import org.springframework.stereotype.Component;
import org.xiaoche.web.job.JobContext;
import org.xiaoche.web.job.JobResult;
import org.xiaoche.web.job.JobStep;
import org.xiaoche.web.system.XiaocheProperties;

import java.nio.file.Path;

/**
 * Job {@code import-roster}: reads an uploaded schools file and students file and stores them as one
 * dataset (all or nothing); its result is the dataset. A rejected file fails the job with its problems.
 * The upload copies are the job's ({@code JobUploads}), deleted when it ends.
 */
@Component
public class RosterImportStep implements JobStep {

    public static final String KIND = "import-roster";

    private final DatasetService datasets;
    private final XiaocheProperties properties;

    public RosterImportStep(DatasetService datasets, XiaocheProperties properties) {
        this.datasets = datasets;
        this.properties = properties;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public JobResult run(JobContext context) throws Exception {
        Path schools = properties.dataDir().resolve(context.param("schoolsFile"));
        Path students = properties.dataDir().resolve(context.param("studentsFile"));
        Dataset dataset = datasets.importInJob(context.longParam("regionId"), context.params().get("name"),
                DatasetService.parseCrs(context.params().get("crs")), schools, students, context.param("createdBy"),
                context.progress());
        return new JobResult("dataset", dataset.id());
    }
}
