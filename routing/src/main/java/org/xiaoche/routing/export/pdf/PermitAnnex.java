package org.xiaoche.routing.export.pdf;

import org.xiaoche.routing.network.BusRouteGeometry;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.network.RouteRoadNames;
import org.xiaoche.routing.plan.Plan;
import org.xiaoche.routing.progress.ProgressListener;
import org.xiaoche.routing.timetable.Bus;
import org.xiaoche.routing.timetable.BusRun;
import org.xiaoche.routing.timetable.TimedStop;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The school-bus use permit annex (校车使用许可 · 行驶线路、开行时间、停靠站点, 条例 Art. 14–16) per bus: its
 * operating times per run, each run's route as its places and the roads driven in order
 * ({@link RouteRoadNames}), and every stop with its name, location and the times the bus calls there.
 * An operator document: no student ids and no counts of students.
 */
public final class PermitAnnex {

    static final float TITLE = 15, HEAD = 11.5f, BODY = 9.5f;

    private PermitAnnex() {
    }

    /** Every bus of the plan, each starting on a new page. */
    public static void write(Plan plan, RoadNetwork network, Lang lang, OutputStream out) throws IOException {
        write(plan, network, plan.buses().stream().map(Bus::busId).toList(), lang, out);
    }

    /** The buses {@code busIds}, in the plan's order; an id the plan has no bus for is an {@link IllegalArgumentException}. */
    public static void write(Plan plan, RoadNetwork network, Collection<String> busIds, Lang lang, OutputStream out)
            throws IOException {
        write(plan, network, busIds, lang, out, ProgressListener.NONE);
    }

    /** The same, telling {@code progress} ({@value PdfPages#STAGE}) after each bus; it may stop the work by throwing. */
    public static void write(Plan plan, RoadNetwork network, Collection<String> busIds, Lang lang, OutputStream out,
                             ProgressListener progress) throws IOException {
        List<Bus> buses = PlanBuses.select(plan, busIds);
        PlanText text = new PlanText(plan, lang);
        BusRouteGeometry geometry = new BusRouteGeometry(network);
        try (PdfPages pages = new PdfPages(lang.text("permit.title"), lang, "permit " + PlanBuses.documentKey(plan, buses))) {
            for (int i = 0; i < buses.size(); i++) {
                progress.progress(PdfPages.STAGE, (double) i / buses.size());
                pages.startOnNewPage();
                writeBus(pages, text, geometry, buses.get(i));
            }
            pages.save(out);
        }
        progress.progress(PdfPages.STAGE, 1);
    }

    private static void writeBus(PdfPages pages, PlanText text, BusRouteGeometry geometry, Bus bus) throws IOException {
        Lang lang = text.lang;
        pages.heading(lang.text("permit.heading", bus.busId()), TITLE, 60);
        PlanBuses.writeBusTable(pages, text, bus, PlanBuses.depot(text.plan, bus, geometry), BODY);

        pages.space(8);
        pages.heading(lang.text("permit.times"), HEAD, 40);
        List<List<String>> times = new ArrayList<>();
        for (BusRun run : bus.runs()) {
            times.add(List.of(text.runTitle(bus, run), text.time(run, run.first()),
                    text.time(run, run.last())));
        }
        pages.table(List.of(new PdfPages.Column(lang.text("col.run"), 4), new PdfPages.Column(lang.text("col.start"), 1),
                new PdfPages.Column(lang.text("col.end"), 1)), times, BODY);

        pages.space(8);
        pages.heading(lang.text("permit.route"), HEAD, 40);
        for (BusRun run : bus.runs()) {
            List<BusRouteGeometry.Leg> legs = geometry.legs(PlanText.places(run), lang.instructionLocale());
            List<String> placeNames = run.stops().stream().map(text::placeName).toList();
            pages.paragraph(text.runTitle(bus, run) + lang.text("sep.colon") + String.join(" → ", placeNames), BODY);
            List<RouteRoadNames.RoadOfRoute> roads = RouteRoadNames.of(legs, lang.instructionLocale());
            double length_m = legs.stream().mapToDouble(BusRouteGeometry.Leg::distance_m).sum();
            boolean routed = legs.stream().allMatch(BusRouteGeometry.Leg::routed);
            String roadLine = roads.isEmpty() ? lang.text("permit.noroute")
                    : lang.text("permit.roads", String.join(" → ", roads.stream().map(RouteRoadNames.RoadOfRoute::label).toList()))
                    + lang.text("sep.semi") + lang.text("permit.length", text.length(length_m)) + (routed ? "" : " " + lang.text("permit.noroute"));
            pages.paragraph(roadLine, BODY, 14);
            pages.space(4);
        }

        pages.space(4);
        pages.heading(lang.text("permit.stops"), HEAD, 40);
        Map<String, List<String>> calls = new LinkedHashMap<>();
        Map<String, TimedStop> first = new LinkedHashMap<>();
        for (BusRun run : bus.runs()) {
            for (TimedStop stop : run.stops()) {
                if (!stop.school()) {
                    first.putIfAbsent(stop.placeId(), stop);
                    calls.computeIfAbsent(stop.placeId(), k -> new ArrayList<>())
                            .add(text.half(run.direction()) + " " + text.time(run, stop));
                }
            }
        }
        List<List<String>> rows = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, TimedStop> e : first.entrySet()) {
            rows.add(List.of(Integer.toString(++n), text.stopName(e.getKey()), PlanText.location(e.getValue().location()),
                    String.join("  ", calls.get(e.getKey()))));
        }
        pages.table(List.of(new PdfPages.Column(lang.text("col.seq"), 0.6f), new PdfPages.Column(lang.text("col.place"), 3.4f),
                new PdfPages.Column(lang.text("col.location"), 2.4f), new PdfPages.Column(lang.text("col.time"), 2.4f)), rows, BODY);
    }
}
