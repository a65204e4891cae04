package org.xiaoche.web.region;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.web.job.CrashRecovery;
import org.xiaoche.web.job.Job;
import org.xiaoche.web.job.JobRepository;
import org.xiaoche.web.system.XiaocheProperties;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * After a crash: a region still "importing" whose import job has ended (or that no unfinished job will
 * import) is marked failed, and graph folders half-built by imports that died are deleted.
 */
@Component
class RegionRecovery implements CrashRecovery {

    static final String INTERRUPTED_MESSAGE = "import interrupted: the service stopped while importing; delete the region and upload the extract again";

    private static final Logger log = LoggerFactory.getLogger(RegionRecovery.class);

    private final RegionRepository regions;
    private final JobRepository jobs;
    private final XiaocheProperties properties;

    RegionRecovery(RegionRepository regions, JobRepository jobs, XiaocheProperties properties) {
        this.regions = regions;
        this.jobs = jobs;
        this.properties = properties;
    }

    @Override
    public void recover() {
        Map<Long, Long> importing = regions.importing();
        if (!importing.isEmpty()) {
            List<Job> unfinished = jobs.listUnfinished();
            Set<Long> unfinishedIds = new HashSet<>();
            Set<Long> queuedImports = new HashSet<>();
            for (Job job : unfinished) {
                unfinishedIds.add(job.id());
                String regionId = job.params().get("regionId");
                if (RegionImportStep.KIND.equals(job.kind()) && regionId != null) {
                    queuedImports.add(Long.parseLong(regionId));
                }
            }
            importing.forEach((regionId, jobId) -> {
                boolean alive = jobId != null ? unfinishedIds.contains(jobId) : queuedImports.contains(regionId);
                if (!alive) {
                    regions.markFailed(regionId, INTERRUPTED_MESSAGE);
                    log.warn("region {} was left importing by a job that ended; marked failed", regionId);
                }
            });
        }
        int removed = RoadNetwork.removeAbandonedImports(properties.graphCacheDir());
        if (removed > 0) {
            log.warn("removed {} graph folders left half-built by imports that died", removed);
        }
    }
}
