package org.xiaoche.routing.export.pdf;

import com.graphhopper.routing.ev.EnumEncodedValue;
import com.graphhopper.routing.ev.RoadClass;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.util.EdgeIteratorState;
import com.graphhopper.util.FetchMode;
import com.graphhopper.util.PointList;
import com.graphhopper.util.shapes.BBox;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.network.RoadNetwork;

import java.io.IOException;
import java.util.BitSet;
import java.util.List;

/**
 * A route map drawn as vectors from our own road graph, no tiles: every road in the frame in grey
 * (wider for main roads), the driven line in colour, the places numbered in order and a scale bar.
 * The frame is the route's extent plus a margin, at least {@value #MIN_EXTENT_M} m across, in a local
 * equirectangular projection (true to scale at the frame's centre).
 */
final class RouteMap {

    static final double MIN_EXTENT_M = 1_500;
    static final double MARGIN_SHARE = 0.08;
    private static final double M_PER_DEG_LAT = 110_574;
    private static final double M_PER_DEG_LON_EQUATOR = 111_320;

    /** A colour as red, green, blue in 0..1. */
    record Colour(float r, float g, float b) {
    }

    static final Colour MORNING = new Colour(0.09f, 0.36f, 0.80f);
    static final Colour AFTERNOON = new Colour(0.85f, 0.33f, 0.05f);

    private final PdfPages pages;
    private final PdfPages.Box box;
    private final double lon0, lat0, cosLat0, scale;

    private RouteMap(PdfPages pages, PdfPages.Box box, double minLon, double maxLon, double minLat, double maxLat) {
        this.pages = pages;
        this.box = box;
        this.lon0 = (minLon + maxLon) / 2;
        this.lat0 = (minLat + maxLat) / 2;
        this.cosLat0 = Math.cos(Math.toRadians(lat0));
        double width_m = Math.max(MIN_EXTENT_M, (maxLon - minLon) * M_PER_DEG_LON_EQUATOR * cosLat0) * (1 + 2 * MARGIN_SHARE);
        double height_m = Math.max(MIN_EXTENT_M, (maxLat - minLat) * M_PER_DEG_LAT) * (1 + 2 * MARGIN_SHARE);
        this.scale = Math.min(box.width() / width_m, box.height() / height_m);
    }

    /**
     * Draws the route {@code line} through {@code places} (labelled by {@code marks}) with the roads of
     * {@code network} around it into {@code box}.
     */
    static void draw(PdfPages pages, PdfPages.Box box, RoadNetwork network, List<LonLat> line, List<LonLat> places,
                     List<String> marks, Colour colour, Lang lang) throws IOException {
        double minLon = Double.POSITIVE_INFINITY, maxLon = Double.NEGATIVE_INFINITY;
        double minLat = Double.POSITIVE_INFINITY, maxLat = Double.NEGATIVE_INFINITY;
        for (List<LonLat> points : List.of(line, places)) {
            for (LonLat p : points) {
                minLon = Math.min(minLon, p.lon());
                maxLon = Math.max(maxLon, p.lon());
                minLat = Math.min(minLat, p.lat());
                maxLat = Math.max(maxLat, p.lat());
            }
        }
        RouteMap map = new RouteMap(pages, box, minLon, maxLon, minLat, maxLat);
        PDPageContentStream s = box.stream();
        s.saveGraphicsState();
        s.addRect(box.x(), box.y(), box.width(), box.height());
        s.clip();
        s.setNonStrokingColor(1f, 1f, 1f);
        s.addRect(box.x(), box.y(), box.width(), box.height());
        s.fill();
        map.roads(network);
        map.route(line, colour);
        map.places(places, marks, colour);
        s.restoreGraphicsState();
        s.setStrokingColor(0.3f, 0.3f, 0.3f);
        s.setLineWidth(0.8f);
        s.addRect(box.x(), box.y(), box.width(), box.height());
        s.stroke();
        map.scaleBar(lang);
    }

    private float x(double lon) {
        return (float) (box.x() + box.width() / 2 + (lon - lon0) * M_PER_DEG_LON_EQUATOR * cosLat0 * scale);
    }

    private float y(double lat) {
        return (float) (box.y() + box.height() / 2 + (lat - lat0) * M_PER_DEG_LAT * scale);
    }

    private double lonAt(float px) {
        return lon0 + (px - box.x() - box.width() / 2) / (M_PER_DEG_LON_EQUATOR * cosLat0 * scale);
    }

    private double latAt(float py) {
        return lat0 + (py - box.y() - box.height() / 2) / (M_PER_DEG_LAT * scale);
    }

    private void roads(RoadNetwork network) throws IOException {
        BBox frame = new BBox(lonAt(box.x()), lonAt(box.x() + box.width()), latAt(box.y()), latAt(box.y() + box.height()));
        BaseGraph graph = network.baseGraph();
        EnumEncodedValue<RoadClass> roadClass = network.graphHopper().getEncodingManager()
                .getEnumEncodedValue(RoadClass.KEY, RoadClass.class);
        BitSet seen = new BitSet(graph.getEdges());
        PDPageContentStream s = box.stream();
        s.setLineCapStyle(1);
        s.setLineJoinStyle(1);
        // Minor roads first, so main roads are drawn over them.
        for (boolean main : new boolean[]{false, true}) {
            s.setStrokingColor(main ? 0.55f : 0.75f, main ? 0.55f : 0.75f, main ? 0.55f : 0.75f);
            s.setLineWidth(main ? 1.6f : 0.7f);
            seen.clear();
            network.graphHopper().getLocationIndex().query(frame, edge -> {
                if (seen.get(edge)) {
                    return;
                }
                seen.set(edge);
                EdgeIteratorState state = graph.getEdgeIteratorState(edge, Integer.MIN_VALUE);
                if (isMain(state.get(roadClass)) != main) {
                    return;
                }
                PointList points = state.fetchWayGeometry(FetchMode.ALL);
                try {
                    for (int k = 0; k < points.size(); k++) {
                        if (k == 0) {
                            s.moveTo(x(points.getLon(k)), y(points.getLat(k)));
                        } else {
                            s.lineTo(x(points.getLon(k)), y(points.getLat(k)));
                        }
                    }
                    s.stroke();
                } catch (IOException e) {
                    throw PdfPages.unchecked(e);
                }
            });
        }
    }

    private static boolean isMain(RoadClass c) {
        return c == RoadClass.MOTORWAY || c == RoadClass.TRUNK || c == RoadClass.PRIMARY || c == RoadClass.SECONDARY
                || c == RoadClass.TERTIARY;
    }

    private void route(List<LonLat> line, Colour colour) throws IOException {
        if (line.size() < 2) {
            return;
        }
        PDPageContentStream s = box.stream();
        s.setStrokingColor(colour.r(), colour.g(), colour.b());
        s.setLineWidth(2.6f);
        for (int k = 0; k < line.size(); k++) {
            if (k == 0) {
                s.moveTo(x(line.get(k).lon()), y(line.get(k).lat()));
            } else {
                s.lineTo(x(line.get(k).lon()), y(line.get(k).lat()));
            }
        }
        s.stroke();
    }

    private void places(List<LonLat> places, List<String> marks, Colour colour) throws IOException {
        PDPageContentStream s = box.stream();
        float r = 6.5f, size = 7.5f;
        for (int i = 0; i < places.size(); i++) {
            float cx = x(places.get(i).lon()), cy = y(places.get(i).lat());
            s.setNonStrokingColor(1f, 1f, 1f);
            s.setStrokingColor(colour.r(), colour.g(), colour.b());
            s.setLineWidth(1.4f);
            circle(s, cx, cy, r);
            s.fillAndStroke();
            String mark = marks.get(i);
            pages.drawText(cx - pages.textWidth(mark, size) / 2, cy - size * 0.36f, size, mark, false);
        }
    }

    /** A circle from four Bézier arcs. */
    private static void circle(PDPageContentStream s, float cx, float cy, float r) throws IOException {
        float k = 0.552284f * r;
        s.moveTo(cx + r, cy);
        s.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
        s.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
        s.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
        s.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
        s.closePath();
    }

    /** A bar of a round length about a fifth of the frame, bottom left, with its length in metres. */
    private void scaleBar(Lang lang) throws IOException {
        double frame_m = box.width() / scale;
        double bar_m = roundLength(frame_m / 5);
        float length = (float) (bar_m * scale);
        float x0 = box.x() + 8, y0 = box.y() + 8;
        PDPageContentStream s = box.stream();
        s.setStrokingColor(0f, 0f, 0f);
        s.setLineWidth(1.5f);
        s.moveTo(x0, y0);
        s.lineTo(x0 + length, y0);
        s.moveTo(x0, y0 - 2);
        s.lineTo(x0, y0 + 3);
        s.moveTo(x0 + length, y0 - 2);
        s.lineTo(x0 + length, y0 + 3);
        s.stroke();
        pages.drawText(x0 + length + 4, y0 - 2.5f, 7, lang.text("map.scale", Math.round(bar_m)), false);
    }

    /** 1, 2 or 5 times a power of ten, not above {@code metres}. */
    static double roundLength(double metres) {
        double power = Math.pow(10, Math.floor(Math.log10(metres)));
        double first = metres / power;
        return (first >= 5 ? 5 : first >= 2 ? 2 : 1) * power;
    }
}
