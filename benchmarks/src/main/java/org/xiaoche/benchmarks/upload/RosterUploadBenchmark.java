package org.xiaoche.benchmarks.upload;

import org.xiaoche.demodata.DemoCounty;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A large roster upload through a running service's API, as a planner sends it: the demo county's schools
 * with its students repeated under new ids to about {@code rows} rows (3,000 × 400 = 1.2 million, about 50 MB),
 * posted to {@code /api/regions/{id}/datasets} and its import job followed to its end; then the same file with
 * one duplicate id on its last line, which must be refused. Prints one table row per upload:
 * size, rows, seconds until the POST answered, seconds until the job ended, its end and the stages seen.
 * The admin creates a planner, who uploads the demo county's OSM extract as the region first. The server's
 * memory is read by the caller ({@code scripts/bench.sh upload}).
 *
 * <p>{@code RosterUploadBenchmark BASE_URL ADMIN_PASSWORD WORK_DIR [COPIES]}
 */
public final class RosterUploadBenchmark {

    private static final Pattern NUMBER = Pattern.compile("\"%s\"\\s*:\\s*(-?[0-9.]+)");
    private static final Pattern TEXT = Pattern.compile("\"%s\"\\s*:\\s*\"([^\"]*)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    private RosterUploadBenchmark(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10)).build();
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: RosterUploadBenchmark BASE_URL ADMIN_PASSWORD WORK_DIR [COPIES]");
            System.exit(2);
        }
        int copies = args.length > 3 ? Integer.parseInt(args[3]) : 400;
        Path work = Files.createDirectories(Path.of(args[2]));
        Path demo = DemoCounty.extractTo(work.resolve("demo"));
        Path schools = demo.resolve(DemoCounty.SCHOOLS_FILE);
        Path good = work.resolve("students-big.csv");
        long rows = writeStudents(good, copies, false);
        Path bad = work.resolve("students-big-bad.csv");
        long badRows = writeStudents(bad, copies, true);

        RosterUploadBenchmark admin = new RosterUploadBenchmark(args[0]);
        admin.signIn("admin", args[1]);
        admin.send(HttpRequest.newBuilder(admin.uri("/api/users")).header("Content-Type", "application/json").POST(
                HttpRequest.BodyPublishers.ofString("{\"username\":\"bench-planner\",\"password\":\"bench-planner-pw\",\"role\":\"planner\"}")));
        RosterUploadBenchmark bench = new RosterUploadBenchmark(args[0]);
        bench.signIn("bench-planner", "bench-planner-pw");
        String region = bench.post("/api/regions", "osm", demo.resolve(DemoCounty.OSM_FILE), "demo");
        bench.follow((long) number(region.substring(region.indexOf("\"job\"")), "id"));
        long regionId = (long) number(region, "id");
        System.out.println("| file | MB | rows | POST answered s | job ended s | end | stages |");
        System.out.println("|---|---|---|---|---|---|---|");
        bench.upload(regionId, schools, good, rows);
        bench.upload(regionId, schools, bad, badRows);
    }

    /** The demo students {@code copies} times under new ids; with {@code badLastLine}, the last line repeats the first id. */
    private static long writeStudents(Path target, int copies, boolean badLastLine) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(DemoCounty.open(DemoCounty.STUDENTS_FILE), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                lines.add(line);
            }
        }
        long rows = 0;
        try (BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            out.write(lines.get(0));
            out.write("\r\n");
            for (int c = 0; c < copies; c++) {
                for (String line : lines.subList(1, lines.size())) {
                    out.write("C" + c + "-" + line);
                    out.write("\r\n");
                    rows++;
                }
            }
            if (badLastLine) {
                out.write("C0-" + lines.get(1));
                out.write("\r\n");
                rows++;
            }
        }
        return rows;
    }

    private void signIn(String user, String password) throws Exception {
        send(HttpRequest.newBuilder(uri("/login")).GET());
        String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(csrf());
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("sign-in failed: " + r.statusCode());
        }
    }

    /** A multipart POST of one file (and a name); the answer's body. */
    private String post(String path, String part, Path file, String name) throws Exception {
        String boundary = "----xiaoche" + UUID.randomUUID();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("X-XSRF-TOKEN", csrf())
                .POST(HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n" + name
                                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
                                + file.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"),
                        HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 202) {
            throw new IllegalStateException("POST " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    /** Polls a job until it ends; its last view. */
    private String follow(long job) throws Exception {
        String view;
        String state;
        do {
            Thread.sleep(250);
            view = send(HttpRequest.newBuilder(uri("/api/jobs/" + job)).GET());
            state = text(view, "state");
        } while (state.equals("queued") || state.equals("running"));
        return view;
    }

    private void upload(long region, Path schools, Path students, long rows) throws Exception {
        String boundary = "----xiaoche" + UUID.randomUUID();
        List<HttpRequest.BodyPublisher> parts = new ArrayList<>();
        for (Path[] part : new Path[][]{{Path.of("schools"), schools}, {Path.of("students"), students}}) {
            parts.add(HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part[0]
                    + "\"; filename=\"" + part[1].getFileName() + "\"\r\nContent-Type: text/csv\r\n\r\n"));
            parts.add(HttpRequest.BodyPublishers.ofFile(part[1]));
            parts.add(HttpRequest.BodyPublishers.ofString("\r\n"));
        }
        parts.add(HttpRequest.BodyPublishers.ofString("--" + boundary + "--\r\n"));
        long start = System.nanoTime();
        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(uri("/api/regions/" + region + "/datasets"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("X-XSRF-TOKEN", csrf())
                .POST(HttpRequest.BodyPublishers.concat(parts.toArray(HttpRequest.BodyPublisher[]::new))).build(),
                HttpResponse.BodyHandlers.ofString());
        double answered_s = (System.nanoTime() - start) / 1e9;
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("upload answered " + accepted.statusCode() + ": " + accepted.body());
        }
        long job = (long) number(accepted.body(), "id");
        List<String> stages = new ArrayList<>();
        String view;
        String state;
        do {
            Thread.sleep(250);
            view = send(HttpRequest.newBuilder(uri("/api/jobs/" + job)).GET());
            state = text(view, "state");
            String stage = text(view, "stage") + String.format(Locale.ROOT, " %.0f%%", number(view, "percent"));
            if (stages.isEmpty() || !stages.get(stages.size() - 1).startsWith(text(view, "stage"))) {
                stages.add(stage);
            }
        } while (state.equals("queued") || state.equals("running"));
        double ended_s = (System.nanoTime() - start) / 1e9;
        String end = state.equals("succeeded") ? "succeeded, dataset " + (long) number(view, "resultId")
                : state + ": " + text(view, "message");
        System.out.printf(Locale.ROOT, "| %s | %.1f | %,d | %.1f | %.1f | %s | %s |%n", students.getFileName(),
                Files.size(students) / 1e6, rows, answered_s, ended_s, end, String.join(" → ", stages));
    }

    private String send(HttpRequest.Builder request) throws Exception {
        if (!csrf().isEmpty()) {
            request.header("X-XSRF-TOKEN", csrf());
        }
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 400) {
            throw new IllegalStateException(r.request().method() + " " + r.uri() + ": " + r.statusCode());
        }
        return r.body();
    }

    private String csrf() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElse("");
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private static double number(String json, String field) {
        Matcher m = Pattern.compile(String.format(NUMBER.pattern(), field)).matcher(json);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    private static String text(String json, String field) {
        Matcher m = Pattern.compile(String.format(TEXT.pattern(), field)).matcher(json);
        return m.find() ? m.group(1) : "";
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
