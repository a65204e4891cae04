package org.xiaoche.cli.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.xiaoche.routing.export.edition.ExportEdition;
import org.xiaoche.routing.export.edition.ExportLanguage;
import org.xiaoche.routing.export.edition.Operator;
import org.xiaoche.routing.export.edition.OperatorAssignment;
import org.xiaoche.routing.export.edition.PlanExportRequest;
import org.xiaoche.routing.export.edition.RunShapes;
import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.network.BusRouteGeometry;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.plan.Plan;
import org.xiaoche.routing.plan.PlanCodec;
import org.xiaoche.routing.progress.ProgressListener;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The options every export subcommand shares, and how they become a {@link PlanExportRequest}. */
final class ExportOptions {

    @Option(names = "--plan", required = true, description = "plan folder written by 'xiaoche plan' (with plan.json), or a plan.json file")
    Path plan;

    @Option(names = "--out", required = true, description = "file to write")
    Path out;

    @Option(names = "--lang", defaultValue = "zh", description = "language of headers and labels: zh or en (default ${DEFAULT-VALUE})")
    String lang;

    @Option(names = "--edition", defaultValue = "operator",
            description = "operator (stops, times to the minute, routes; no student data) or planner (default ${DEFAULT-VALUE})")
    String edition;

    @Option(names = "--operators", description = "CSV bus_id,operator_id,operator_name,operator_url[,operator_phone]: who runs which bus")
    Path operatorsFile;

    @Option(names = "--agency-id", description = "operator of buses not in --operators (default: " + "operator" + ")")
    String agencyId;

    @Option(names = "--agency-name", description = "its name (default: 校车运营单位)")
    String agencyName;

    @Option(names = "--agency-url", description = "its web address (default: a placeholder, https://example.org/)")
    String agencyUrl;

    @Option(names = "--agency-phone", description = "its phone number")
    String agencyPhone;

    @Option(names = "--only-operator", description = "export only the buses of this operator id")
    String onlyOperator;

    @Option(names = "--osm", description = "OSM extract the plan was made on: road lines when the plan folder has no routes.geojson, and road names for the permit")
    Path osm;

    @Option(names = "--graph-cache", description = "folder for built road graphs (default: graph-cache in the project folder)")
    Path graphCache;

    /** The plan value of {@code --plan}, with a clear error for a missing or invalid folder. */
    Plan readPlan() {
        if (!Files.exists(plan)) {
            throw new IllegalArgumentException("plan folder not found: " + plan);
        }
        Path file = Files.isDirectory(plan) ? plan.resolve("plan.json") : plan;
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(plan + " has no plan.json: give a folder written by 'xiaoche plan'");
        }
        try {
            return PlanCodec.read(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The request: plan, edition, language, operators and road lines (routes.geojson, else the network, else straight). */
    PlanExportRequest request(Plan value) throws IOException {
        OperatorAssignment operators = operators();
        PlanExportRequest request = new PlanExportRequest(value, ExportEdition.parse(edition), ExportLanguage.parse(lang),
                operators, shapes(value), null);
        return onlyOperator == null ? request : request.onlyOperator(onlyOperator);
    }

    boolean hasNetwork() {
        return osm != null;
    }

    RoadNetwork openNetwork() {
        if (osm == null) {
            throw new IllegalArgumentException("give --osm with the OSM extract the plan was made on");
        }
        if (!Files.isRegularFile(osm)) {
            throw new IllegalArgumentException("OSM file not found: " + osm);
        }
        Path cache = graphCache != null ? graphCache
                : Path.of(System.getProperty("xiaoche.home", ".")).resolve("graph-cache");
        return RoadNetwork.importOrLoad(osm, cache, ProgressListener.NONE);
    }

    private RunShapes shapes(Plan value) throws IOException {
        Path dir = Files.isDirectory(plan) ? plan : plan.toAbsolutePath().getParent();
        Path routes = dir == null ? null : dir.resolve("routes.geojson");
        if (routes != null && Files.isRegularFile(routes)) {
            return RunShapes.of(readRouteLines(routes));
        }
        if (osm != null) {
            try (RoadNetwork network = openNetwork()) {
                return RunShapes.compute(value, new BusRouteGeometry(network)::through);
            }
        }
        return RunShapes.none();
    }

    /** Run id → line, from a plan folder's {@code routes.geojson} (the route layer: {@code run_id}, LineString). */
    static Map<String, List<LonLat>> readRouteLines(Path file) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not GeoJSON: " + e.getMessage(), e);
        }
        Map<String, List<LonLat>> lines = new TreeMap<>();
        for (JsonNode feature : root.path("features")) {
            String runId = feature.path("properties").path("run_id").asText("");
            JsonNode coordinates = feature.path("geometry").path("coordinates");
            if (runId.isEmpty() || !"LineString".equals(feature.path("geometry").path("type").asText())) {
                continue;
            }
            List<LonLat> line = new ArrayList<>();
            for (JsonNode p : coordinates) {
                line.add(new LonLat(p.get(0).asDouble(), p.get(1).asDouble()));
            }
            lines.put(runId, line);
        }
        return lines;
    }

    private OperatorAssignment operators() throws IOException {
        Operator d = Operator.DEFAULT;
        Operator fallback = new Operator(agencyId != null ? agencyId : d.id(), agencyName != null ? agencyName : d.name(),
                agencyUrl != null ? agencyUrl : d.url(), agencyPhone != null ? agencyPhone : d.phone());
        if (operatorsFile == null) {
            return OperatorAssignment.single(fallback);
        }
        Map<String, Operator> byBus = new TreeMap<>();
        try (Reader in = Files.newBufferedReader(operatorsFile, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get().parse(in)) {
                String where = operatorsFile.getFileName() + ", line " + (r.getRecordNumber() + 1);
                try {
                    String bus = r.get("bus_id");
                    Operator o = new Operator(r.get("operator_id"), r.get("operator_name"), r.get("operator_url"),
                            r.isMapped("operator_phone") ? r.get("operator_phone") : "");
                    if (byBus.put(bus, o) != null) {
                        throw new IllegalArgumentException("bus " + bus + " is listed twice");
                    }
                } catch (IllegalArgumentException | IllegalStateException e) {
                    throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
                }
            }
        }
        return new OperatorAssignment(byBus, fallback);
    }
}
