package org.xiaoche.routing.export.gpx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xiaoche.routing.export.ExportTestPlans;
import org.xiaoche.routing.export.edition.PlanExportRequest;
import org.xiaoche.routing.export.geojson.PublishedLayers;
import org.xiaoche.routing.plan.Plan;
import org.xiaoche.routing.timetable.Bus;
import org.xiaoche.routing.timetable.BusRun;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GPX per bus and the operators' GeoJSON, read back by parsers that share no code with the writers. */
class GpxWriterTest {

    @Test
    void gpxHasATrackPerRunAlongItsRoadLineAndEachPlaceAsAWaypoint() throws Exception {
        ExportTestPlans.Planned demo = ExportTestPlans.demo();
        Plan plan = demo.result().plan();
        PlanExportRequest request = PlanExportRequest.operatorEdition(plan).withShapes(demo.shapes());
        Bus bus = plan.buses().get(0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GpxWriter.writeBus(request, bus.busId(), out);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document gpx = factory.newDocumentBuilder().parse(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(GpxWriter.NAMESPACE, gpx.getDocumentElement().getNamespaceURI());
        assertEquals("1.1", gpx.getDocumentElement().getAttribute("version"));
        NodeList tracks = gpx.getElementsByTagNameNS(GpxWriter.NAMESPACE, "trk");
        assertEquals(bus.runs().size(), tracks.getLength());
        for (int i = 0; i < tracks.getLength(); i++) {
            BusRun run = bus.runs().get(i);
            NodeList points = ((Element) tracks.item(i)).getElementsByTagNameNS(GpxWriter.NAMESPACE, "trkpt");
            assertEquals(demo.shapes().line(run).size(), points.getLength(), "the run's road line, point by point");
            Element first = (Element) points.item(0);
            assertEquals(demo.shapes().line(run).get(0).lat(), Double.parseDouble(first.getAttribute("lat")), 1e-6);
        }
        Set<String> places = new HashSet<>();
        bus.runs().forEach(r -> r.stops().forEach(s -> places.add((s.school() ? "school:" : "stop:") + s.placeId())));
        assertEquals(places.size(), gpx.getElementsByTagNameNS(GpxWriter.NAMESPACE, "wpt").getLength());
    }

    @Test
    void operatorGeoJsonHasStopsAndRoutesWithoutCounts() throws Exception {
        ExportTestPlans.Planned demo = ExportTestPlans.demo();
        Plan plan = demo.result().plan();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PublishedLayers.write(PlanExportRequest.operatorEdition(plan).withShapes(demo.shapes()), out);
        JsonNode features = new ObjectMapper().readTree(out.toByteArray()).path("features");
        int lines = 0, points = 0;
        for (JsonNode f : features) {
            JsonNode p = f.path("properties");
            assertFalse(p.has("students") || p.has("young_pupils"), p.toString());
            if (f.path("geometry").path("type").asText().equals("LineString")) {
                lines++;
                assertTrue(p.path("start_time").asText().matches("\\d\\d:\\d\\d"), p.toString());
            } else {
                points++;
                assertTrue(p.path("arrival_times").asText().matches("(\\S+ \\d\\d:\\d\\d)(; \\S+ \\d\\d:\\d\\d)*"), p.toString());
            }
        }
        assertEquals(plan.runs().size(), lines);
        assertTrue(points > 0 && points <= plan.stops().size());
    }
}
