package org.xiaoche.web.region;

import jakarta.annotation.PreDestroy;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.progress.ProgressListener;
import org.xiaoche.web.system.ApiException;
import org.xiaoche.web.system.XiaocheProperties;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The loaded road networks, one per region, opened on first use. Graphs are built once into the
 * graph cache under the data folder and afterwards only loaded, so a restart costs a load, not an
 * import. Owned by the Spring context (closed with it), not a static cache.
 * <p>
 * Each region's network is loaded at most once however many threads ask for it first (the others
 * wait for that load), and long work holds it through {@link #use}: a region whose network is in use
 * cannot be forgotten (deleted), so no job ever finds its graph closed under it.
 */
@Component
public class RegionNetworks {

    private final XiaocheProperties properties;
    private final Map<Long, RoadNetwork> loaded = new ConcurrentHashMap<>();
    private final Map<Long, Object> locks = new ConcurrentHashMap<>();
    /** How many {@link InUse} holders each region's network has now; guarded by {@code this}. */
    private final Map<Long, Integer> users = new HashMap<>();

    public RegionNetworks(XiaocheProperties properties) {
        this.properties = properties;
    }

    /** A region's network held for a piece of long work; closing it lets the region be deleted again. */
    public final class InUse implements AutoCloseable {
        private final long regionId;
        private final RoadNetwork network;
        private boolean closed;

        private InUse(long regionId, RoadNetwork network) {
            this.regionId = regionId;
            this.network = network;
        }

        public RoadNetwork network() {
            return network;
        }

        @Override
        public void close() {
            synchronized (RegionNetworks.this) {
                if (!closed) {
                    closed = true;
                    users.merge(regionId, -1, (a, b) -> a + b == 0 ? null : a + b);
                }
            }
        }
    }

    /**
     * Imports (or loads) the region's graph, reporting progress; when it is loaded already, that network
     * (built from the same file) is returned as it is.
     */
    public RoadNetwork load(Region region, ProgressListener progress) {
        synchronized (lockFor(region.id())) {
            RoadNetwork network = loaded.get(region.id());
            if (network == null) {
                network = RoadNetwork.importOrLoad(osmPath(region), properties.graphCacheDir(), progress);
                loaded.put(region.id(), network);
            }
            return network;
        }
    }

    /**
     * The region's network, loading its built graph when needed; for short reads (a request). Long work
     * takes it through {@link #use} instead.
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

    /** Like {@link #get}, held until the returned value is closed: the region cannot be deleted meanwhile. */
    public InUse use(Region region) {
        synchronized (this) {
            users.merge(region.id(), 1, Integer::sum);
        }
        try {
            return new InUse(region.id(), get(region));
        } catch (RuntimeException e) {
            new InUse(region.id(), null).close();
            throw e;
        }
    }

    /**
     * Closes and drops the region's network before the region is deleted.
     *
     * @throws ApiException 409 while a job uses it
     */
    public void forget(long regionId) {
        synchronized (this) {
            if (users.containsKey(regionId)) {
                throw new ApiException(HttpStatus.CONFLICT, "region " + regionId
                        + " is in use by a running job; cancel the job or wait for it to end, then delete the region");
            }
            RoadNetwork network = loaded.remove(regionId);
            if (network != null) {
                network.close();
            }
        }
    }

    public Path osmPath(Region region) {
        return properties.dataDir().resolve(region.osmFile());
    }

    private Object lockFor(long regionId) {
        return locks.computeIfAbsent(regionId, id -> new Object());
    }

    @PreDestroy
    void closeAll() {
        loaded.values().forEach(RoadNetwork::close);
        loaded.clear();
    }
}
