package org.xiaoche.web.region;

import jakarta.annotation.PreDestroy;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.progress.ProgressListener;
import org.xiaoche.web.system.ApiException;
import org.xiaoche.web.system.XiaocheProperties;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The loaded road networks, one per region, opened on first use. Graphs are built once into the
 * graph cache under the data folder and afterwards only loaded, so a restart costs a load, not an
 * import. Owned by the Spring context (closed with it), not a static cache.
 */
@Component
public class RegionNetworks {

    private final XiaocheProperties properties;
    private final Map<Long, RoadNetwork> loaded = new ConcurrentHashMap<>();

    public RegionNetworks(XiaocheProperties properties) {
        this.properties = properties;
    }

    /** Imports (or loads) the region's graph, reporting progress; replaces what was loaded before. */
    public RoadNetwork load(Region region, ProgressListener progress) {
        synchronized (lockFor(region.id())) {
            RoadNetwork network = RoadNetwork.importOrLoad(osmPath(region), properties.graphCacheDir(), progress);
            RoadNetwork previous = loaded.put(region.id(), network);
            if (previous != null && previous != network) {
                previous.close();
            }
            return network;
        }
    }

    /**
     * The region's network, loading its built graph when needed.
     *
     * @throws ApiException 409 while the region is not ready
     */
    public RoadNetwork get(Region region) {
        if (!region.ready()) {
            throw new ApiException(HttpStatus.CONFLICT, "region " + region.id() + " is " + region.state() + ", not ready");
        }
        RoadNetwork network = loaded.get(region.id());
        if (network != null) {
            return network;
        }
        // Checked again under the lock: two jobs asking at once must not load it twice (the second load
        // would close the network the first one is using).
        synchronized (lockFor(region.id())) {
            RoadNetwork now = loaded.get(region.id());
            return now != null ? now : load(region, ProgressListener.NONE);
        }
    }

    public void forget(long regionId) {
        RoadNetwork network = loaded.remove(regionId);
        if (network != null) {
            network.close();
        }
    }

    public Path osmPath(Region region) {
        return properties.dataDir().resolve(region.osmFile());
    }

    private Object lockFor(long regionId) {
        return ("region-network-" + regionId).intern();
    }

    @PreDestroy
    void closeAll() {
        loaded.values().forEach(RoadNetwork::close);
        loaded.clear();
    }
}
