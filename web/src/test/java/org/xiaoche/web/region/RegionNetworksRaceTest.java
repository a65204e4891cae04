package org.xiaoche.web.region;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.web.WebTestSupport;
import org.xiaoche.web.system.ApiException;
import org.xiaoche.web.system.XiaocheProperties;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Regions used by several threads at once: the first uses load the graph once and share it; a region
 * whose graph a job holds cannot be deleted under it. Ordered by latches and thread states, not sleeps.
 */
class RegionNetworksRaceTest {

    @TempDir
    Path data;
    RegionNetworks networks;
    Region region;

    private void setUp() throws Exception {
        Files.write(data.resolve("region.osm"), WebTestSupport.fixture("region.osm"));
        networks = new RegionNetworks(new XiaocheProperties(data, "t", false, null, null, null));
        region = new Region(1, "village", Path.of("region.osm"), Region.READY, null, null, null, null, null);
    }

    @AfterEach
    void close() {
        if (networks != null) {
            networks.closeAll();
        }
    }

    @Test
    void aSecondFirstUseWaitsForTheLoadAndSharesTheGraph() throws Exception {
        setUp();
        CountDownLatch inLoad = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<RoadNetwork> first = new AtomicReference<>();
        AtomicReference<RoadNetwork> second = new AtomicReference<>();
        Thread a = new Thread(() -> first.set(networks.load(region, (stage, fraction) -> {
            if (stage.equals("road network ready")) {
                inLoad.countDown();
                await(release);
            }
        })));
        a.start();
        assertTrue(inLoad.await(60, TimeUnit.SECONDS));
        Thread b = new Thread(() -> second.set(networks.get(region)));
        b.start();
        // b has found no graph loaded yet and waits for a's load.
        while (b.getState() != Thread.State.BLOCKED && b.getState() != Thread.State.WAITING && b.isAlive()) {
            Thread.onSpinWait();
        }
        release.countDown();
        a.join(60_000);
        b.join(60_000);
        assertSame(first.get(), second.get(), "one graph for both");
        assertFalse(first.get().baseGraph().isClosed(), "the first thread's graph was not closed under it");
    }

    @Test
    void aRegionWhoseGraphAJobUsesCannotBeForgottenUntilTheJobLetsGo() throws Exception {
        setUp();
        RegionNetworks.InUse job = networks.use(region);
        ApiException refused = assertThrows(ApiException.class, () -> networks.forget(region.id()));
        assertEquals(409, refused.status().value());
        assertFalse(job.network().baseGraph().isClosed(), "the job's graph stays open");
        RegionNetworks.InUse second = networks.use(region);
        job.close();
        assertThrows(ApiException.class, () -> networks.forget(region.id()), "a second holder still uses it");
        second.close();
        networks.forget(region.id());
        assertTrue(job.network().baseGraph().isClosed());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
