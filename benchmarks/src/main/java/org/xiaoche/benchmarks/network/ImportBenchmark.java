package org.xiaoche.benchmarks.network;

import org.xiaoche.benchmarks.PeakMemory;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.progress.ProgressListener;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Imports one OSM extract into a fresh graph folder and prints one markdown table row: file, size,
 * nodes, edges, import seconds (both profiles and the bus CH), peak RSS and peak heap. Run it in
 * its own JVM per file so the peaks belong to that file alone.
 */
public final class ImportBenchmark {

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ImportBenchmark OSM_FILE EMPTY_CACHE_DIR");
            System.exit(2);
        }
        Path osm = Path.of(args[0]);
        Path cache = Path.of(args[1]);
        long start = System.nanoTime();
        try (RoadNetwork network = RoadNetwork.importOrLoad(osm, cache, ProgressListener.NONE)) {
            double import_s = (System.nanoTime() - start) / 1e9;
            if (!network.freshlyImported()) {
                System.err.println("cache folder was not empty: " + cache);
                System.exit(2);
            }
            System.out.printf(Locale.ROOT, "| %s | %.1f MB | %,d | %,d | %.1f | %,d | %,d |%n",
                    osm.getFileName(), Files.size(osm) / 1e6, network.nodeCount(), network.edgeCount(), import_s,
                    PeakMemory.peakRss_mib(), PeakMemory.peakHeap_mib());
        }
    }
}
