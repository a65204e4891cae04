package org.xiaoche.web.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * Settings of the service under {@code xiaoche.*}.
 *
 * @param dataDir      folder for uploaded extracts, built graphs and the embedded database
 * @param instanceName the first part of this instance's name in the job table; each process adds a random
 *                     suffix at start, so no two processes share a name (see {@code job.Instances})
 * @param demo         create the demo region, dataset and eligibility run on first start
 * @param jobs         background job settings
 * @param planning     planning job settings
 * @param map          the browser map's optional background tiles
 */
@ConfigurationProperties("xiaoche")
public record XiaocheProperties(Path dataDir, String instanceName, boolean demo, Jobs jobs, Planning planning,
                                MapView map) {

    public XiaocheProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        instanceName = instanceName == null || instanceName.isBlank() ? "xiaoche" : instanceName;
        jobs = jobs == null ? new Jobs(2, 5) : jobs;
        planning = planning == null ? new Planning(null, null) : planning;
        map = map == null ? new MapView("", "", null, null) : map;
    }

    /**
     * A background tile layer for the map, off by default: the map draws roads from our own graph
     * and works offline. Set {@code xiaoche.map.tile-url} (e.g. a county's own tile server,
     * {@code https://tiles.example/{z}/{x}/{y}.png}) to show tiles beneath the layers.
     * {@code xiaoche.map.detail-points} (default 20,000): from this many homes and riders together, the
     * map draws them (and route arrows) only when zoomed in to village scale.
     * {@code xiaoche.map.list-rows} (default 200): lists longer than this (runs, seat use per run) keep only
     * the rows near the view in the page, or are summarised.
     */
    public record MapView(String tileUrl, String tileAttribution, Integer detailPoints, Integer listRows) {
        public MapView {
            tileUrl = tileUrl == null ? "" : tileUrl.strip();
            tileAttribution = tileAttribution == null ? "" : tileAttribution;
            detailPoints = detailPoints == null ? 20_000 : detailPoints;
            listRows = listRows == null ? 200 : listRows;
            if (detailPoints < 0) {
                throw new IllegalArgumentException("xiaoche.map.detail-points must not be negative, got " + detailPoints);
            }
            if (listRows < 1) {
                throw new IllegalArgumentException("xiaoche.map.list-rows must be at least 1, got " + listRows);
            }
        }
    }

    /**
     * Instance-wide overrides of the route solver's budget; unset, every plan uses the engine's
     * defaults ({@code SolverBudget.defaults()}) with the policy's {@code solverSeconds} as wall cap.
     *
     * @param solverSeconds           when set, the safety cap per school (CPU seconds of the solving thread) for every plan of
     *                                this instance, instead of the policy's {@code solverSeconds}; the
     *                                search itself is bounded by iterations, so a plan that reaches the
     *                                cap is reported as depending on machine load
     * @param solverIterationsPerStop when set, route-solver iterations per pickup of a school instead of
     *                                the engine's default (the fewest and most per school stay the
     *                                engine's): tests use few to plan fast
     */
    public record Planning(Double solverSeconds, Integer solverIterationsPerStop) {
        public Planning {
            if (solverSeconds != null && !(solverSeconds > 0)) {
                throw new IllegalArgumentException("xiaoche.planning.solver-seconds must be positive");
            }
            if (solverIterationsPerStop != null && solverIterationsPerStop < 0) {
                throw new IllegalArgumentException("xiaoche.planning.solver-iterations-per-stop must not be negative");
            }
        }
    }

    /**
     * @param threads            jobs run at once by this instance
     * @param heartbeatSeconds   how often a running job proves its instance alive; an instance silent
     *                           for four beats is taken as dead and its jobs as interrupted
     */
    public record Jobs(int threads, int heartbeatSeconds) {
        public Jobs {
            threads = threads <= 0 ? 2 : threads;
            heartbeatSeconds = heartbeatSeconds <= 0 ? 5 : heartbeatSeconds;
        }
    }

    public Path graphCacheDir() {
        return dataDir.resolve("graph-cache");
    }

    public Path regionsDir() {
        return dataDir.resolve("regions");
    }
}
