package org.xiaoche.web.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Signed-in users opening one plan over and over, each in its own cookie session on loopback: the
 * plan, its stops and routes, its run list and three timetables (the map's requests when a plan is
 * opened and buses are clicked), then a fixed pause, until the time is up. Latency is measured per
 * request from send to the last byte of the body.
 */
public final class LoadDriver {

    /** What one user does between two opens of the plan: a fixed pause, so that runs compare. */
    static final Duration THINK = Duration.ofMillis(500);
    static final int TIMETABLES_PER_OPEN = 3;

    /** One endpoint's latencies (ms) and failures. */
    public static final class Series {
        final List<Double> latencies_ms = Collections.synchronizedList(new ArrayList<>());
        final AtomicLong errors = new AtomicLong();

        public long count() {
            return latencies_ms.size() + errors.get();
        }

        public long errors() {
            return errors.get();
        }

        /** Nearest-rank percentile of the successful requests, in ms. */
        public double percentile_ms(double p) {
            List<Double> sorted;
            synchronized (latencies_ms) {
                sorted = new ArrayList<>(latencies_ms);
            }
            if (sorted.isEmpty()) {
                return Double.NaN;
            }
            Collections.sort(sorted);
            int rank = (int) Math.ceil(p / 100.0 * sorted.size());
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
        }
    }

    /** Series by endpoint, and all together under {@code all}. */
    public record Result(Map<String, Series> byEndpoint, Series all, double wall_s) {
    }

    private final URI base;
    private final ObjectMapper json = new ObjectMapper();

    public LoadDriver(URI base) {
        this.base = base;
    }

    /** A signed-in session of {@code username}. */
    HttpClient signIn(String username, String password) throws IOException, InterruptedException {
        CookieManager cookies = new CookieManager();
        HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
        client.send(HttpRequest.newBuilder(base.resolve("/login")).GET().build(), HttpResponse.BodyHandlers.discarding());
        String csrf = cookies.getCookieStore().get(base).stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElseThrow(() -> new IOException("no XSRF-TOKEN cookie from /login"));
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(csrf);
        HttpResponse<Void> login = client.send(HttpRequest.newBuilder(base.resolve("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        String location = login.headers().firstValue("Location").orElse("");
        if (login.statusCode() != 302 || location.contains("/login")) {
            throw new IOException("login of " + username + " failed: " + login.statusCode() + " " + location);
        }
        return client;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /**
     * Runs {@code users} sessions (signed in before the clock starts) against plan {@code planId} for
     * {@code duration}; each session's timetable choice comes from its own index, so runs repeat.
     */
    public Result run(List<HttpClient> users, long planId, Duration duration) throws Exception {
        Map<String, Series> series = new ConcurrentHashMap<>();
        Series all = new Series();
        List<String> runIds = new ArrayList<>();
        JsonNode runs = json.readTree(users.get(0).send(get("/api/plans/" + planId + "/runs"), HttpResponse.BodyHandlers.ofString()).body());
        runs.forEach(r -> runIds.add(r.get("runId").asText()));
        if (runIds.isEmpty()) {
            throw new IllegalStateException("plan " + planId + " has no runs");
        }
        long start_ns = System.nanoTime();
        long deadline_ns = start_ns + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(users.size());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int u = 0; u < users.size(); u++) {
                HttpClient client = users.get(u);
                int user = u;
                done.add(pool.submit(() -> {
                    int open = 0;
                    while (System.nanoTime() < deadline_ns) {
                        call(client, "plan", "/api/plans/" + planId, series, all);
                        call(client, "stops.geojson", "/api/plans/" + planId + "/stops.geojson", series, all);
                        call(client, "routes.geojson", "/api/plans/" + planId + "/routes.geojson", series, all);
                        call(client, "runs", "/api/plans/" + planId + "/runs", series, all);
                        for (int t = 0; t < TIMETABLES_PER_OPEN; t++) {
                            String runId = runIds.get(Math.floorMod(user * 7919 + open * 31 + t, runIds.size()));
                            call(client, "timetable", "/api/plans/" + planId + "/runs/" + enc(runId) + "/timetable", series, all);
                        }
                        open++;
                        Thread.sleep(THINK.toMillis());
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new Result(new TreeMap<>(series), all, (System.nanoTime() - start_ns) / 1e9);
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET().build();
    }

    private void call(HttpClient client, String endpoint, String path, Map<String, Series> series, Series all) {
        Series s = series.computeIfAbsent(endpoint, k -> new Series());
        long t0 = System.nanoTime();
        try {
            HttpResponse<byte[]> response = client.send(get(path), HttpResponse.BodyHandlers.ofByteArray());
            double ms = (System.nanoTime() - t0) / 1e6;
            if (response.statusCode() == 200 && response.body().length > 0) {
                s.latencies_ms.add(ms);
                all.latencies_ms.add(ms);
            } else {
                s.errors.incrementAndGet();
                all.errors.incrementAndGet();
            }
        } catch (IOException e) {
            s.errors.incrementAndGet();
            all.errors.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The result as a Markdown table: one row per endpoint and one for all requests. */
    public static String table(Result result) {
        StringBuilder sb = new StringBuilder("| endpoint | requests | errors | p50 ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|---|---|\n");
        result.byEndpoint().forEach((name, s) -> sb.append(row(name, s)));
        sb.append(row("**all**", result.all()));
        return sb.toString();
    }

    private static String row(String name, Series s) {
        return String.format(java.util.Locale.ROOT, "| %s | %d | %d | %.0f | %.0f | %.0f | %.0f |%n", name, s.count(), s.errors(),
                s.percentile_ms(50), s.percentile_ms(95), s.percentile_ms(99), s.percentile_ms(100));
    }
}
