package org.xiaoche.demodata;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** A written demo OSM file read back independently of the generator (plain StAX), for structural checks. */
final class ParsedOsm {

    record Way(long id, List<Long> nodeIds, Map<String, String> tags) {
        String tag(String key) {
            return tags.get(key);
        }

        boolean is(String key, String value) {
            return value.equals(tags.get(key));
        }
    }

    final Map<Long, double[]> lonLat = new HashMap<>();
    final Map<Long, Map<String, String>> nodeTags = new HashMap<>();
    final List<Way> ways = new ArrayList<>();
    String rootVersion;
    String generator;
    double[] bounds;
    boolean nodeAfterWay;
    boolean boundsBeforeNodes;
    /** GraphHopper rejects a file unless {@code <osm>} is the first event after the XML declaration. */
    boolean osmIsFirstEvent;

    static ParsedOsm read(Path gz) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            return read(in);
        }
    }

    static ParsedOsm read(InputStream in) throws IOException {
        ParsedOsm osm = new ParsedOsm();
        try {
            XMLStreamReader xml = XMLInputFactory.newDefaultFactory().createXMLStreamReader(in);
            long currentNode = -1;
            Way currentWay = null;
            boolean seenWay = false, seenNode = false;
            int first = xml.next();
            osm.osmIsFirstEvent = first == XMLStreamConstants.START_ELEMENT && "osm".equals(xml.getLocalName());
            if (osm.osmIsFirstEvent) {
                osm.rootVersion = xml.getAttributeValue(null, "version");
                osm.generator = xml.getAttributeValue(null, "generator");
            }
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (xml.getLocalName()) {
                    case "osm" -> {
                        osm.rootVersion = xml.getAttributeValue(null, "version");
                        osm.generator = xml.getAttributeValue(null, "generator");
                    }
                    case "bounds" -> {
                        osm.bounds = new double[] {d(xml, "minlon"), d(xml, "minlat"), d(xml, "maxlon"), d(xml, "maxlat")};
                        osm.boundsBeforeNodes = !seenNode;
                    }
                    case "node" -> {
                        seenNode = true;
                        osm.nodeAfterWay |= seenWay;
                        currentNode = Long.parseLong(xml.getAttributeValue(null, "id"));
                        currentWay = null;
                        osm.lonLat.put(currentNode, new double[] {d(xml, "lon"), d(xml, "lat")});
                    }
                    case "way" -> {
                        seenWay = true;
                        currentWay = new Way(Long.parseLong(xml.getAttributeValue(null, "id")), new ArrayList<>(), new LinkedHashMap<>());
                        osm.ways.add(currentWay);
                    }
                    case "nd" -> currentWay.nodeIds().add(Long.parseLong(xml.getAttributeValue(null, "ref")));
                    case "tag" -> {
                        String k = xml.getAttributeValue(null, "k"), v = xml.getAttributeValue(null, "v");
                        if (currentWay != null) {
                            currentWay.tags().put(k, v);
                        } else {
                            osm.nodeTags.computeIfAbsent(currentNode, n -> new LinkedHashMap<>()).put(k, v);
                        }
                    }
                    default -> {
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw new IOException("not well-formed OSM XML", e);
        }
        return osm;
    }

    private static double d(XMLStreamReader xml, String attribute) {
        return Double.parseDouble(xml.getAttributeValue(null, attribute));
    }

    /** Node position on a local metric plane (equirectangular around 37.15° N); affine, so intersections are exact. */
    double[] xy(long nodeId) {
        double[] ll = lonLat.get(nodeId);
        return new double[] {ll[0] * LocalProjection.METRES_PER_DEGREE_LAT * Math.cos(Math.toRadians(37.15)),
                ll[1] * LocalProjection.METRES_PER_DEGREE_LAT};
    }

    static double[] xy(double lon, double lat) {
        return new double[] {lon * LocalProjection.METRES_PER_DEGREE_LAT * Math.cos(Math.toRadians(37.15)),
                lat * LocalProjection.METRES_PER_DEGREE_LAT};
    }

    List<Way> waysWith(String key, String value) {
        return ways.stream().filter(w -> w.is(key, value)).toList();
    }

    /**
     * True if any segment of {@code way} touches a segment of the west-to-east {@code line}
     * (whose nodes have increasing x, so only the overlapping x range is searched).
     */
    boolean crosses(Way way, Way line) {
        List<double[]> linePoints = line.nodeIds().stream().map(this::xy).toList();
        for (int i = 1; i < way.nodeIds().size(); i++) {
            double[] a = xy(way.nodeIds().get(i - 1)), b = xy(way.nodeIds().get(i));
            double minX = Math.min(a[0], b[0]), maxX = Math.max(a[0], b[0]);
            int lo = 0, hi = linePoints.size() - 1;
            while (lo < hi) {
                int mid = (lo + hi) / 2;
                if (linePoints.get(mid + 1)[0] < minX) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            for (int k = lo; k + 1 < linePoints.size() && linePoints.get(k)[0] <= maxX; k++) {
                double[] c = linePoints.get(k), e = linePoints.get(k + 1);
                if (SegmentGeometry.intersects(a[0], a[1], b[0], b[1], c[0], c[1], e[0], e[1])) {
                    return true;
                }
            }
        }
        return false;
    }
}
