package org.xiaoche.web.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The packaged web service ({@code web/target/xiaoche-web-*.jar}, built by {@code package} before the
 * integration tests run) as a child process on a free loopback port, against a given database and data
 * folder; killed with SIGKILL as a crash would. Talks to it over HTTP as a signed-in user.
 */
final class ServiceProcess implements AutoCloseable {

    static final String ADMIN_PASSWORD = "crash-test-admin-1";
    static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    final int port;
    final Path log;

    private ServiceProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts the service and waits until it answers (or fails the test after five minutes on a busy machine).
     *
     * @param settings more {@code --name=value} settings of the service
     */
    static ServiceProcess start(Path dataDir, String jdbcUrl, String schema, String name, String... settings) throws Exception {
        String jar = System.getProperty("xiaoche.web.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("the packaged web jar is missing (" + jar + "); run through mvn verify");
        }
        int port = freePort();
        Path log = dataDir.resolve(name + "-" + port + ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx768m", "-XX:+ExitOnOutOfMemoryError",
                "-Dcom.google.protobuf.use_unsafe_pre22_gencode=true", "-jar", jar,
                "--server.port=" + port, "--server.address=127.0.0.1",
                "--xiaoche.data-dir=" + dataDir.toAbsolutePath(),
                "--xiaoche.instance-name=" + name,
                "--xiaoche.jobs.heartbeat-seconds=1",
                "--xiaoche.planning.solver-iterations-per-stop=200",
                "--spring.datasource.url=" + jdbcUrl + "?currentSchema=" + schema + ",public",
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--spring.flyway.schemas=" + schema, "--spring.flyway.default-schema=" + schema));
        command.addAll(List.of(settings));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("XIAOCHE_ADMIN_PASSWORD", ADMIN_PASSWORD);
        ServiceProcess service = new ServiceProcess(builder.start(), port, log);
        service.awaitUp();
        return service;
    }

    private void awaitUp() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant end = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(end)) {
            if (!process.isAlive()) {
                throw new AssertionError("the service exited at start; its output:\n" + Files.readString(log));
            }
            try {
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(uri("/login")).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the service did not answer within five minutes; its output:\n" + Files.readString(log));
    }

    /** SIGKILL: no shutdown hook, no cleanup, as a crash or an OOM killer would. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the service did not die");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A signed-in user of one service. */
    final class Session {
        private final CookieManager cookies = new CookieManager();
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();

        Session(String user, String password) throws Exception {
            send(HttpRequest.newBuilder(uri("/login")).GET(), 200);
            String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(csrf());
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
                throw new AssertionError("sign-in of " + user + " failed: " + r.statusCode() + " " + r.headers().map());
            }
            send(HttpRequest.newBuilder(uri("/api/me")).GET(), 200);
        }

        private String csrf() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue).findFirst().orElse("");
        }

        JsonNode get(String path) throws Exception {
            return JSON.readTree(send(HttpRequest.newBuilder(uri(path)).GET(), 200));
        }

        JsonNode postJson(String path, Object body, int expected) throws Exception {
            return JSON.readTree(send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), expected));
        }

        /** A multipart POST; {@code files} maps a part name to a file (sent under its own name). */
        HttpRequest multipart(String path, Map<String, String> fields, Map<String, Path> files) throws IOException {
            String boundary = "----xiaoche" + UUID.randomUUID();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (var f : fields.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                        + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            for (var f : files.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"; filename=\""
                        + f.getValue().getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                body.write(Files.readAllBytes(f.getValue()));
                body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .header("X-XSRF-TOKEN", csrf()).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        }

        JsonNode postMultipart(String path, Map<String, String> fields, Map<String, Path> files, int expected) throws Exception {
            HttpResponse<String> r = client.send(multipart(path, fields, files), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != expected) {
                throw new AssertionError("POST " + path + ": " + r.statusCode() + " " + r.body());
            }
            return JSON.readTree(r.body());
        }

        /** Sends without waiting for the answer (the service may be killed meanwhile). */
        void postMultipartAsync(String path, Map<String, String> fields, Map<String, Path> files) throws IOException {
            client.sendAsync(multipart(path, fields, files), HttpResponse.BodyHandlers.discarding());
        }

        private String send(HttpRequest.Builder request, int expected) throws Exception {
            if (!csrf().isEmpty()) {
                request.header("X-XSRF-TOKEN", csrf());
            }
            HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != expected) {
                throw new AssertionError(r.request().method() + " " + r.uri() + ": " + r.statusCode() + " " + r.body());
            }
            return r.body();
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }
}
