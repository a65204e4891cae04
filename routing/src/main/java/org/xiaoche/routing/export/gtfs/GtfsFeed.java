package org.xiaoche.routing.export.gtfs;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.xiaoche.routing.export.ZipFiles;
import org.xiaoche.routing.export.edition.Operator;
import org.xiaoche.routing.export.edition.PlanExportRequest;
import org.xiaoche.routing.export.edition.PublishedTimetable;
import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.plan.Plan;
import org.xiaoche.routing.plan.PlanSchool;
import org.xiaoche.routing.plan.PlanStop;
import org.xiaoche.routing.policy.TermCalendar;
import org.xiaoche.routing.timetable.Bus;
import org.xiaoche.routing.timetable.BusRun;
import org.xiaoche.routing.timetable.ClockTime;
import org.xiaoche.routing.timetable.RunDirection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A plan as a GTFS feed (zip): agency per operator, stops (bus stops and schools), one route per
 * bus, one trip per run, stop times from the {@link PublishedTimetable} (whole minutes), the term's
 * school days as calendar and calendar_dates, shapes from the runs' road lines, and feed_info.
 * The same request gives the same bytes. No student ids, homes or counts are written in any edition.
 */
public final class GtfsFeed {

    /** GTFS extended route type "School Bus" (Hierarchical Vehicle Type 712, a bus service). */
    public static final int ROUTE_TYPE_SCHOOL_BUS = 712;
    /** The timezone of every Chinese county (China keeps one). */
    public static final String TIMEZONE = "Asia/Shanghai";
    static final String SERVICE_ID = "school_days";
    private static final DateTimeFormatter GTFS_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    private GtfsFeed() {
    }

    /** The feed as zip bytes. */
    public static byte[] toBytes(PlanExportRequest request) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(request, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes the feed as a zip to {@code out} (left open). */
    public static void write(PlanExportRequest request, OutputStream out) throws IOException {
        Plan plan = request.plan();
        List<Bus> buses = request.buses();
        PublishedTimetable published = request.published();
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("agency.txt", agency(request, buses));
        files.put("stops.txt", stops(plan, published));
        files.put("routes.txt", routes(request, buses));
        files.put("trips.txt", trips(plan, buses));
        files.put("stop_times.txt", stopTimes(published));
        files.put("calendar.txt", calendar(plan.policy().termCalendar()));
        files.put("calendar_dates.txt", calendarDates(plan.policy().termCalendar()));
        files.put("shapes.txt", shapes(request, buses));
        files.put("feed_info.txt", feedInfo(request, plan.policy().termCalendar(), version(files)));
        ZipFiles zip = new ZipFiles(out);
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            zip.add(file.getKey(), entry -> entry.write(file.getValue()));
        }
        zip.finish();
    }

    /** GTFS stop id of a bus stop; schools get their own prefix so that ids never collide. */
    public static String stopId(String planStopId) {
        return "stop_" + planStopId;
    }

    public static String schoolStopId(String schoolId) {
        return "school_" + schoolId;
    }

    private static byte[] agency(PlanExportRequest request, List<Bus> buses) throws IOException {
        return table(List.of("agency_id", "agency_name", "agency_url", "agency_timezone", "agency_lang", "agency_phone"), csv -> {
            List<Operator> operators = request.operators().operatorsOf(buses);
            if (operators.isEmpty()) {
                operators = List.of(request.operators().fallback());
            }
            for (Operator o : operators) {
                csv.printRecord(o.id(), o.name(), o.url(), TIMEZONE, request.language().code(), o.phone());
            }
        });
    }

    private static byte[] stops(Plan plan, PublishedTimetable published) throws IOException {
        Set<String> stopIds = new LinkedHashSet<>(), schoolIds = new LinkedHashSet<>();
        published.runs().forEach(r -> r.calls().forEach(c -> (c.school() ? schoolIds : stopIds).add(c.placeId())));
        return table(List.of("stop_id", "stop_name", "stop_lat", "stop_lon", "location_type"), csv -> {
            for (PlanSchool s : plan.schools()) {
                if (schoolIds.contains(s.id())) {
                    csv.printRecord(schoolStopId(s.id()), s.name(), degrees(s.location().lat()), degrees(s.location().lon()), 0);
                }
            }
            for (PlanStop s : plan.stops()) {
                if (stopIds.contains(s.id())) {
                    csv.printRecord(stopId(s.id()), s.name(), degrees(s.location().lat()), degrees(s.location().lon()), 0);
                }
            }
        });
    }

    private static byte[] routes(PlanExportRequest request, List<Bus> buses) throws IOException {
        Plan plan = request.plan();
        return table(List.of("route_id", "agency_id", "route_short_name", "route_long_name", "route_type"), csv -> {
            for (Bus bus : buses) {
                Set<String> schools = new LinkedHashSet<>();
                bus.runs().forEach(r -> schools.add(plan.schoolName(r.schoolId())));
                String label = request.language().pick("校车 ", "School bus ") + bus.busId();
                csv.printRecord(bus.busId(), request.operators().operatorOf(bus.busId()).id(), bus.busId(),
                        label + " · " + String.join(request.language().pick("、", ", "), schools), ROUTE_TYPE_SCHOOL_BUS);
            }
        });
    }

    private static byte[] trips(Plan plan, List<Bus> buses) throws IOException {
        return table(List.of("route_id", "service_id", "trip_id", "trip_headsign", "direction_id", "shape_id"), csv -> {
            for (Bus bus : buses) {
                for (BusRun run : bus.runs()) {
                    String headsign = run.direction() == RunDirection.AM ? plan.schoolName(run.schoolId())
                            : plan.findStop(run.last().placeId()).map(PlanStop::name).orElse(run.last().placeId());
                    csv.printRecord(bus.busId(), SERVICE_ID, run.runId(), headsign, run.direction() == RunDirection.AM ? 0 : 1,
                            run.runId());
                }
            }
        });
    }

    private static byte[] stopTimes(PublishedTimetable published) throws IOException {
        return table(List.of("trip_id", "arrival_time", "departure_time", "stop_id", "stop_sequence", "pickup_type",
                "drop_off_type", "timepoint"), csv -> {
            for (PublishedTimetable.Run run : published.runs()) {
                for (PublishedTimetable.Call c : run.calls()) {
                    // Children board only at stops in the morning and alight only there in the afternoon.
                    boolean boards = (run.direction() == RunDirection.AM) != c.school();
                    String time = ClockTime.hhmmss(c.time_s());
                    csv.printRecord(run.runId(), time, time, c.school() ? schoolStopId(c.placeId()) : stopId(c.placeId()),
                            c.seq(), boards ? 0 : 1, boards ? 1 : 0, 1);
                }
            }
        });
    }

    private static byte[] calendar(TermCalendar term) throws IOException {
        return table(List.of("service_id", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                "start_date", "end_date"), csv -> {
            Object[] row = new Object[10];
            row[0] = SERVICE_ID;
            for (DayOfWeek d : DayOfWeek.values()) {
                row[d.getValue()] = term.runsOn(d) ? 1 : 0;
            }
            row[8] = term.firstDate().format(GTFS_DATE);
            row[9] = term.lastDate().format(GTFS_DATE);
            csv.printRecord(row);
        });
    }

    /** Holidays that fall on a weekday with school are removed from the service (exception type 2). */
    private static byte[] calendarDates(TermCalendar term) throws IOException {
        return table(List.of("service_id", "date", "exception_type"), csv -> {
            for (LocalDate day : term.holidayDates()) {
                if (term.runsOn(day.getDayOfWeek())) {
                    csv.printRecord(SERVICE_ID, day.format(GTFS_DATE), 2);
                }
            }
        });
    }

    private static byte[] shapes(PlanExportRequest request, List<Bus> buses) throws IOException {
        return table(List.of("shape_id", "shape_pt_lat", "shape_pt_lon", "shape_pt_sequence"), csv -> {
            for (Bus bus : buses) {
                for (BusRun run : bus.runs()) {
                    int seq = 0;
                    String last = null;
                    for (LonLat p : request.shapes().line(run)) {
                        String lat = degrees(p.lat()), lon = degrees(p.lon());
                        // Points equal at the written precision would be repeated shape points.
                        if ((lat + "," + lon).equals(last)) {
                            continue;
                        }
                        last = lat + "," + lon;
                        csv.printRecord(run.runId(), lat, lon, ++seq);
                    }
                }
            }
        });
    }

    private static byte[] feedInfo(PlanExportRequest request, TermCalendar term, String version) throws IOException {
        Operator publisher = request.operators().fallback();
        return table(List.of("feed_publisher_name", "feed_publisher_url", "feed_lang", "feed_start_date", "feed_end_date",
                "feed_version", "feed_contact_url"), csv -> csv.printRecord(publisher.name(), publisher.url(),
                request.language().code(), term.firstDate().format(GTFS_DATE), term.lastDate().format(GTFS_DATE), version,
                publisher.url()));
    }

    /** The feed's version: a digest of its other files, so it changes exactly when the feed does. */
    private static String version(Map<String, byte[]> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            files.forEach((name, bytes) -> {
                sha.update(name.getBytes(StandardCharsets.UTF_8));
                sha.update(bytes);
            });
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }


    /** Degrees with 6 decimals (about 0.1 m), as GTFS feeds commonly write them. */
    private static String degrees(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }

    @FunctionalInterface
    private interface Rows {
        void print(CSVPrinter csv) throws IOException;
    }

    private static byte[] table(List<String> header, Rows rows) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8),
                CSV.builder().setHeader(header.toArray(String[]::new)).get())) {
            rows.print(csv);
        }
        return bytes.toByteArray();
    }
}
