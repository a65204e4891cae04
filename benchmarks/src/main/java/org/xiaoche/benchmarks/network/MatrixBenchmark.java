package org.xiaoche.benchmarks.network;

import com.graphhopper.GHRequest;
import com.graphhopper.GHResponse;
import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.network.BusTravelTimeCalculator;
import org.xiaoche.routing.network.BusTravelTimes;
import org.xiaoche.routing.network.NetworkProfiles;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.progress.ProgressListener;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Times a full bus travel-time matrix against GraphHopper point-to-point CH routes and writes a
 * markdown table.
 *
 * <pre>
 * MatrixBenchmark --out FILE [--cache DIR] [--points 1000] [--sample 200] [--threads N] OSM_FILE ...
 * </pre>
 * For each extract: {@code --points} random points on the bus network (fixed seed), the matrix
 * computed once to warm up and then three times (median reported); point-to-point routes (no
 * instructions, no geometry) for every ordered pair of the first {@code --sample} points, on the
 * same threads, extrapolated to the full matrix by the number of pairs. {@code scripts/bench.sh
 * matrix} runs it on {@code ../shared/osm/yuba-county-ca.osm.pbf} and the demo county.
 */
public final class MatrixBenchmark {

    private static final long SEED = 20_250_101L;

    private MatrixBenchmark() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path out = null;
        Path cache = Path.of("target", "graph-cache");
        int pointCount = 1000, sampleCount = 200, threads = Runtime.getRuntime().availableProcessors();
        List<Path> extracts = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--cache" -> cache = Path.of(args[++i]);
                case "--points" -> pointCount = Integer.parseInt(args[++i]);
                case "--sample" -> sampleCount = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                default -> extracts.add(Path.of(args[i]));
            }
        }
        if (out == null || extracts.isEmpty()) {
            System.err.println("usage: MatrixBenchmark --out FILE [--cache DIR] [--points N] [--sample M] [--threads T] OSM_FILE ...");
            System.exit(2);
        }

        List<String> rows = new ArrayList<>();
        for (Path extract : extracts) {
            rows.add(run(extract, cache, pointCount, Math.min(sampleCount, pointCount), threads));
        }
        String table = report(rows, pointCount, sampleCount, threads);
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.writeString(out, table);
        System.out.print(table);
    }

    private static String run(Path extract, Path cache, int pointCount, int sampleCount, int threads) throws InterruptedException {
        String name = extract.getFileName().toString();
        System.err.println("benchmark " + name);
        try (RoadNetwork network = RoadNetwork.importOrLoad(extract, cache, ProgressListener.NONE)) {
            List<LonLat> points = RandomBusPoints.sample(network, pointCount, SEED);

            long setupStart = System.nanoTime();
            BusTravelTimeCalculator calculator = new BusTravelTimeCalculator(network, threads);
            double setup_s = seconds(System.nanoTime() - setupStart);

            BusTravelTimes matrix = calculator.compute(points, 100);
            double[] runs_s = new double[3];
            for (int r = 0; r < runs_s.length; r++) {
                long start = System.nanoTime();
                matrix = calculator.compute(points, 100);
                runs_s[r] = seconds(System.nanoTime() - start);
                System.err.printf(Locale.ROOT, "  matrix %dx%d run %d: %.3f s%n", pointCount, pointCount, r + 1, runs_s[r]);
            }
            Arrays.sort(runs_s);
            double matrix_s = runs_s[1];

            List<LonLat> sample = points.subList(0, sampleCount);
            pointToPoint(network, sample.subList(0, Math.min(30, sampleCount)), threads, null); // warm-up
            double[] route_s = new double[sampleCount * sampleCount];
            long start = System.nanoTime();
            pointToPoint(network, sample, threads, route_s);
            double sample_s = seconds(System.nanoTime() - start);
            double extrapolated_s = sample_s * ((double) pointCount * pointCount) / ((double) sampleCount * sampleCount);
            System.err.printf(Locale.ROOT, "  point-to-point %dx%d: %.3f s%n", sampleCount, sampleCount, sample_s);

            double maxDifference_s = 0;
            int mismatchedReachability = 0;
            for (int i = 0; i < sampleCount; i++) {
                for (int j = 0; j < sampleCount; j++) {
                    double expected = route_s[i * sampleCount + j], actual = matrix.time_s(i, j);
                    if (Double.isInfinite(expected) || Double.isInfinite(actual)) {
                        mismatchedReachability += expected == actual ? 0 : 1;
                    } else {
                        maxDifference_s = Math.max(maxDifference_s, Math.abs(expected - actual));
                    }
                }
            }
            return String.format(Locale.ROOT, "| %s | %,d | %,d | %,d | %.2f | %.3f (%s) | %.2f | %.1f | %.0f× | %.3f s, %d |",
                    name, network.nodeCount(), network.edgeCount(), calculator.chEdgeCount() - network.edgeCount(), setup_s,
                    matrix_s, String.join(" / ", Arrays.stream(runs_s).mapToObj(v -> String.format(Locale.ROOT, "%.3f", v)).toList()),
                    sample_s, extrapolated_s, extrapolated_s / matrix_s, maxDifference_s, mismatchedReachability);
        }
    }

    /** Routes every ordered pair with GraphHopper's CH, on {@code threads} threads; times in seconds (+infinity: no route). */
    private static void pointToPoint(RoadNetwork network, List<LonLat> points, int threads, double[] time_s) throws InterruptedException {
        int n = points.size();
        AtomicInteger next = new AtomicInteger();
        Thread[] workers = new Thread[threads];
        for (int w = 0; w < threads; w++) {
            workers[w] = new Thread(() -> {
                for (int cell = next.getAndIncrement(); cell < n * n; cell = next.getAndIncrement()) {
                    LonLat a = points.get(cell / n), b = points.get(cell % n);
                    GHRequest request = new GHRequest(a.lat(), a.lon(), b.lat(), b.lon()).setProfile(NetworkProfiles.SCHOOL_BUS);
                    request.putHint("instructions", false);
                    request.putHint("calc_points", false);
                    GHResponse response = network.graphHopper().route(request);
                    if (time_s != null) {
                        time_s[cell] = response.hasErrors() ? Double.POSITIVE_INFINITY : response.getBest().getTime() / 1000.0;
                    }
                }
            });
            workers[w].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
    }

    private static String report(List<String> rows, int pointCount, int sampleCount, int threads) {
        StringBuilder s = new StringBuilder();
        s.append("## Bus travel-time matrix: many-to-many CH vs point-to-point CH routes\n\n");
        s.append(String.format(Locale.ROOT, "Machine: %d cores available, %d threads used, Java %s, %s %s, max heap %d MB.%n%n",
                Runtime.getRuntime().availableProcessors(), threads, System.getProperty("java.version"),
                System.getProperty("os.name"), System.getProperty("os.arch"), Runtime.getRuntime().maxMemory() >> 20));
        s.append(String.format(Locale.ROOT, "%d random points on the bus network (seed %d). Matrix: wall time of "
                + "`BusTravelTimeCalculator.compute` (snapping included), median of 3 runs after one warm-up. "
                + "Point-to-point: GraphHopper `route` with the `school_bus` CH (no instructions, no geometry) for all "
                + "%d × %d ordered pairs of the first %d points, measured, then **extrapolated** to %d × %d by the number of pairs.%n%n",
                pointCount, SEED, sampleCount, sampleCount, sampleCount, pointCount, pointCount));
        s.append(String.format(Locale.ROOT, "| dataset | nodes | edges | CH shortcuts | calculator setup (s) | matrix %d×%d (s) (runs) "
                + "| point-to-point %d×%d measured (s) | point-to-point %d×%d extrapolated (s) | speed-up | max time difference, reachability mismatches |%n",
                pointCount, pointCount, sampleCount, sampleCount, pointCount, pointCount));
        s.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        rows.forEach(r -> s.append(r).append('\n'));
        return s.toString();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
