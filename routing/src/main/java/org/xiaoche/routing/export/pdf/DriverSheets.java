package org.xiaoche.routing.export.pdf;

import org.xiaoche.routing.fleet.Depot;
import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.network.BusRouteGeometry;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.plan.Plan;
import org.xiaoche.routing.progress.ProgressListener;
import org.xiaoche.routing.timetable.Bus;
import org.xiaoche.routing.timetable.BusRun;
import org.xiaoche.routing.timetable.RunDirection;
import org.xiaoche.routing.timetable.TimedStop;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Driver sheets (校车行车单), one section per bus: the bus, its type, seats and depot; for each run its
 * places with the time to the minute, a map drawn from the road graph and turn-by-turn directions from
 * GraphHopper's instructions on the {@code school_bus} profile, in Chinese ({@code zh_CN}) or English.
 * An operator document: stops, times and roads only, no student ids and no counts of students.
 */
public final class DriverSheets {

    static final float TITLE = 16, HEAD = 12, BODY = 9.5f, SMALL = 8.5f, MAP_HEIGHT = 300;

    private DriverSheets() {
    }

    /** Every bus of the plan, each starting on a new page. */
    public static void write(Plan plan, RoadNetwork network, Lang lang, OutputStream out) throws IOException {
        write(plan, network, plan.buses().stream().map(Bus::busId).toList(), lang, out);
    }

    /**
     * The buses {@code busIds}, in the plan's order.
     *
     * @throws IllegalArgumentException naming an id the plan has no bus for
     */
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
        try (PdfPages pages = new PdfPages(lang.text("driver.title"), lang,
                "driver-sheets " + PlanBuses.documentKey(plan, buses))) {
            for (int i = 0; i < buses.size(); i++) {
                progress.progress(PdfPages.STAGE, (double) i / buses.size());
                pages.startOnNewPage();
                writeBus(pages, text, geometry, network, buses.get(i));
            }
            pages.save(out);
        }
        progress.progress(PdfPages.STAGE, 1);
    }

    private static void writeBus(PdfPages pages, PlanText text, BusRouteGeometry geometry, RoadNetwork network, Bus bus)
            throws IOException {
        Lang lang = text.lang;
        pages.heading(lang.text("driver.heading", bus.busId()), TITLE, 60);
        Optional<Depot> depot = PlanBuses.depot(text.plan, bus, geometry);
        PlanBuses.writeBusTable(pages, text, bus, depot, BODY);
        pages.space(8);
        TimedStop previous = null;
        RunDirection half = null;
        for (BusRun run : bus.runs()) {
            if (run.direction() != half) {
                previous = null;
                half = run.direction();
            }
            writeRun(pages, text, geometry, network, bus, run, depot, previous);
            previous = run.last();
        }
    }

    private static void writeRun(PdfPages pages, PlanText text, BusRouteGeometry geometry, RoadNetwork network, Bus bus,
                                 BusRun run, Optional<Depot> depot, TimedStop previous) throws IOException {
        Lang lang = text.lang;
        pages.heading(text.runTitle(bus, run), HEAD, 80);
        List<String> marks = text.marks(run);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < run.stops().size(); i++) {
            TimedStop place = run.stops().get(i);
            rows.add(List.of(marks.get(i), text.placeName(place), text.time(run, place),
                    text.action(run, place), PlanText.location(place.location())));
        }
        pages.table(List.of(new PdfPages.Column(lang.text("col.seq"), 0.6f), new PdfPages.Column(lang.text("col.place"), 4),
                new PdfPages.Column(lang.text("col.time"), 1), new PdfPages.Column(lang.text("col.what"), 1.2f),
                new PdfPages.Column(lang.text("col.location"), 2.4f)), rows, BODY);

        // The drive to the run's first place: from the depot or from where the previous run of the half-day ended.
        List<LonLat> places = new ArrayList<>();
        String startName = null;
        boolean fromDepot = false;
        if (previous != null) {
            places.add(previous.location());
            startName = text.placeName(previous);
        } else if (depot.isPresent()) {
            places.add(depot.get().location());
            startName = depot.get().id();
            fromDepot = true;
        }
        places.addAll(PlanText.places(run));
        List<BusRouteGeometry.Leg> legs = geometry.legs(places, lang.instructionLocale());
        int offset = startName == null ? 0 : 1;

        pages.space(6);
        pages.keepTogether(MAP_HEIGHT + 2 * SMALL);
        pages.paragraph(lang.text("map.heading"), SMALL);
        pages.space(2);
        List<LonLat> line = new ArrayList<>();
        for (int i = offset; i < legs.size(); i++) {
            line.addAll(legs.get(i).line());
        }
        RouteMap.draw(pages, pages.box(MAP_HEIGHT), network, line, PlanText.places(run), marks,
                run.direction() == RunDirection.AM ? RouteMap.MORNING : RouteMap.AFTERNOON, lang);

        pages.space(8);
        pages.heading(lang.text("directions.heading"), BODY + 1, 30);
        for (int i = 0; i < legs.size(); i++) {
            BusRouteGeometry.Leg leg = legs.get(i);
            String to = text.placeName(run.stops().get(i + 1 - offset));
            String title;
            if (i < offset) {
                title = fromDepot ? lang.text("leg.fromDepot", startName, to) : lang.text("leg.fromPrevious", startName, to);
            } else {
                title = lang.text("leg.to", text.placeName(run.stops().get(i - offset)), to);
            }
            writeLeg(pages, text, leg, title, to);
        }
        pages.space(10);
    }

    private static void writeLeg(PdfPages pages, PlanText text, BusRouteGeometry.Leg leg, String title, String to)
            throws IOException {
        Lang lang = text.lang;
        if (!leg.routed()) {
            pages.paragraph(title, BODY);
            pages.paragraph(lang.text("leg.unrouted"), SMALL, 14);
            return;
        }
        pages.paragraph(title + " " + lang.text("leg.length", text.length(leg.distance_m()), PlanText.minutes(leg.time_s())), BODY);
        int n = 0;
        for (BusRouteGeometry.Step step : leg.steps()) {
            String line = step.finish() ? lang.text("arrive", to)
                    : step.text() + (step.distance_m() > 0 ? " · " + text.length(step.distance_m()) : "");
            pages.paragraph(++n + ". " + line, SMALL, 14);
        }
    }
}
