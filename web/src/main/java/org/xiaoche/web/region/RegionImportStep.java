package org.xiaoche.web.region;

import org.locationtech.jts.geom.Envelope;
import org.springframework.stereotype.Component;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.web.job.JobContext;
import org.xiaoche.web.job.JobResult;
import org.xiaoche.web.job.JobStep;

/** Job {@code import-region}: builds the region's road graph from its OSM extract. */
@Component
public class RegionImportStep implements JobStep {

    public static final String KIND = "import-region";
    /** What the region list says of a failed import; the details go to the server log with the job. */
    public static final String FAILED_MESSAGE = "import failed: the OSM file could not be built into a road graph (details are in the server log)";

    private final RegionRepository regions;
    private final RegionNetworks networks;

    public RegionImportStep(RegionRepository regions, RegionNetworks networks) {
        this.regions = regions;
        this.networks = networks;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public JobResult run(JobContext context) {
        long regionId = context.longParam("regionId");
        Region region = regions.findById(regionId).orElseThrow(() -> new IllegalStateException("region " + regionId + " was deleted"));
        importInto(region, context);
        return new JobResult("region", regionId);
    }

    /** Builds the graph and records the region ready, or failed with the reason; also used by the demo. */
    public RoadNetwork importInto(Region region, JobContext context) {
        try {
            regions.markImporting(region.id(), context.jobId());
            RoadNetwork network = networks.load(region, context.progress());
            var b = network.baseGraph().getBounds();
            regions.markReady(region.id(), network.nodeCount(), network.edgeCount(), new Envelope(b.minLon, b.maxLon, b.minLat, b.maxLat));
            return network;
        } catch (RuntimeException e) {
            // Every role reads the region list: no exception text (paths, file contents) there; the job logs it.
            regions.markFailed(region.id(), FAILED_MESSAGE);
            throw e;
        }
    }
}
