package org.xiaoche.routing.export.gpx;

import org.xiaoche.routing.export.GeoJsonWriter;
import org.xiaoche.routing.export.ZipFiles;
import org.xiaoche.routing.export.edition.PlanExportRequest;
import org.xiaoche.routing.export.edition.PublishedTimetable;
import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.timetable.Bus;
import org.xiaoche.routing.timetable.BusRun;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * GPX 1.1 per bus: every place it calls at as a waypoint (name, and its published times in the
 * description), and one track per run along the run's road line. Stops, times and roads only:
 * no student data in either edition.
 */
public final class GpxWriter {

    public static final String NAMESPACE = "http://www.topografix.com/GPX/1/1";

    private GpxWriter() {
    }

    /** The file name of a bus's GPX inside {@link #writeAll}'s zip. */
    public static String fileName(String busId) {
        return ZipFiles.safeName(busId, ".gpx");
    }

    /** One GPX file per exported bus, in a zip (left open). */
    public static void writeAll(PlanExportRequest request, OutputStream out) throws IOException {
        ZipFiles zip = new ZipFiles(out);
        List<String> names = new ArrayList<>();
        for (Bus bus : request.buses()) {
            String name = fileName(bus.busId());
            for (int i = 2; names.contains(name); i++) {
                name = fileName(bus.busId() + "-" + i);
            }
            names.add(name);
            zip.add(name, entry -> writeBus(request, bus.busId(), entry));
        }
        zip.finish();
    }

    /** The GPX of one bus (left open). */
    public static void writeBus(PlanExportRequest request, String busId, OutputStream out) throws IOException {
        Bus bus = request.buses().stream().filter(b -> b.busId().equals(busId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no bus '" + busId + "' in this export"));
        PublishedTimetable published = request.published();
        Map<String, Waypoint> waypoints = new LinkedHashMap<>();
        for (PublishedTimetable.Run run : published.runsOf(busId)) {
            for (PublishedTimetable.Call c : run.calls()) {
                waypoints.computeIfAbsent((c.school() ? "school:" : "stop:") + c.placeId(), k -> new Waypoint(c.name(), c.location()))
                        .times.add(run.runId() + " " + c.time());
            }
        }
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("gpx");
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeAttribute("version", "1.1");
            xml.writeAttribute("creator", "Xiaoche");
            xml.writeStartElement("metadata");
            element(xml, "name", request.language().pick("校车 ", "School bus ") + busId);
            xml.writeEndElement();
            for (Waypoint w : waypoints.values()) {
                xml.writeStartElement("wpt");
                coordinates(xml, w.location);
                element(xml, "name", w.name);
                element(xml, "desc", String.join("; ", w.times));
                xml.writeEndElement();
            }
            for (BusRun run : bus.runs()) {
                xml.writeStartElement("trk");
                element(xml, "name", run.runId());
                element(xml, "type", run.direction().name());
                xml.writeStartElement("trkseg");
                for (LonLat p : request.shapes().line(run)) {
                    xml.writeEmptyElement("trkpt");
                    coordinates(xml, p);
                }
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException("GPX of bus " + busId + " could not be written", e);
        }
    }

    private static void coordinates(XMLStreamWriter xml, LonLat p) throws XMLStreamException {
        xml.writeAttribute("lat", String.format(Locale.ROOT, "%.7f", GeoJsonWriter.round(p.lat())));
        xml.writeAttribute("lon", String.format(Locale.ROOT, "%.7f", GeoJsonWriter.round(p.lon())));
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static final class Waypoint {
        final String name;
        final LonLat location;
        final List<String> times = new ArrayList<>();

        Waypoint(String name, LonLat location) {
            this.name = name;
            this.location = location;
        }
    }
}
