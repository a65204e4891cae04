package org.xiaoche.cli;

import org.xiaoche.demodata.DemoCounty;
import org.xiaoche.routing.export.pdf.Lang;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.plan.Plan;
import org.xiaoche.routing.plan.PlanCodec;
import org.xiaoche.routing.progress.ProgressListener;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What every PDF export reads: a plan folder written by {@code plan} (its {@code plan.json}) and the road
 * network it was planned on, which the folder names only by fingerprint, so the OSM file is given again
 * ({@code --osm}, or {@code --demo} for the demo county) and must be the one the plan was made on.
 */
final class PlanPdfOptions {

    @Option(names = "--plan", required = true, description = "plan folder (with plan.json) or a plan.json file")
    Path plan;

    @Option(names = "--out", required = true, description = "the PDF file to write")
    Path out;

    @Option(names = "--lang", defaultValue = "zh", description = "zh (default) or en")
    String lang;

    @Option(names = "--osm", description = "the OSM extract the plan was made on")
    Path osm;

    @Option(names = "--demo", description = "the plan was made on the bundled demo county")
    boolean demo;

    @Option(names = "--graph-cache", description = "folder for built road graphs (default: graph-cache in the project folder)")
    Path graphCache;

    Lang language() {
        return Lang.parse(lang);
    }

    /** The stored plan. */
    Plan readPlan() {
        Path file = Files.isDirectory(plan) ? plan.resolve("plan.json") : plan;
        try {
            return PlanCodec.read(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("plan not found: " + file + " (a folder written by 'plan', or its plan.json)", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read plan " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The plan's road network, loaded from the graph cache or imported.
     *
     * @throws IllegalArgumentException when neither or both of {@code --osm} and {@code --demo} are given,
     *                                  or the network is not the one the plan was made on
     */
    RoadNetwork openNetwork(Plan stored) {
        if (demo == (osm != null)) {
            throw new IllegalArgumentException("give the OSM file the plan was made on with --osm, or --demo");
        }
        Path cache = InputFiles.graphCacheRoot(graphCache);
        Path osmFile = demo ? DemoCounty.extractTo(cache.resolve("demo-county")).resolve(DemoCounty.OSM_FILE) : osm;
        RoadNetwork network = RoadNetwork.importOrLoad(osmFile, cache, ProgressListener.NONE);
        String graph = network.graphDir().getFileName().toString();
        if (!graph.equals(stored.inputs().network())) {
            network.close();
            throw new IllegalArgumentException("the plan was made on road network " + stored.inputs().network() + ", not on "
                    + graph + " (" + osmFile.getFileName() + "): give the OSM file it was planned on");
        }
        return network;
    }

    /** Writes the PDF through a temporary file, so a failed export leaves no partial file at {@code --out}. */
    void write(PdfWriter writer) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path partial = Files.createTempFile(parent, ".export-", ".pdf.part");
        try {
            try (OutputStream stream = Files.newOutputStream(partial)) {
                writer.write(stream);
            }
            Files.move(partial, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    interface PdfWriter {
        void write(OutputStream out) throws IOException;
    }
}
