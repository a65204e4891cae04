package org.xiaoche.web.system;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.xiaoche.web.WebTestSupport;
import org.xiaoche.web.account.AccountService;
import org.xiaoche.web.account.Role;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Uploads against the real server: one that is not from a signed-in user with the CSRF header is
 * answered while its body is still unsent (the server reads none of it), and one over the limits is
 * answered 413 with a JSON error body.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"xiaoche.upload.osm-max-size=4KB", "xiaoche.upload.roster-max-size=1KB"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UploadGuardTest {

    private static final String BOUNDARY = "xiaoche-test-boundary";
    /**
     * Declared but never sent: under the container's multipart limit (the OSM limit, 4 KB here), so a
     * server that parsed the body would wait for it instead of answering.
     */
    private static final long UNSENT = 3 * 1024;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        WebTestSupport.freshDataDir(r);
    }

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;

    String sessionCookie;
    String csrfToken;

    @BeforeAll
    void signIn() throws Exception {
        accounts.create("uploader", "uploader-secret-1", Role.PLANNER);
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        http.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.discarding());
        String body = "username=uploader&password=uploader-secret-1&_csrf=" + cookie(cookies, "XSRF-TOKEN");
        HttpResponse<Void> login = http.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(302, login.statusCode());
        assertEquals(200, http.send(HttpRequest.newBuilder(uri("/api/me")).build(), HttpResponse.BodyHandlers.discarding()).statusCode());
        sessionCookie = "JSESSIONID=" + cookie(cookies, "JSESSIONID");
        csrfToken = cookie(cookies, "XSRF-TOKEN");
    }

    @Test
    void anonymousUploadIsRefusedBeforeItsBodyIsSent() throws Exception {
        for (String path : new String[]{"/api/regions", "/api/regions/1/datasets", "/api/plans"}) {
            Answer answer = sendHeadOnly(path, UNSENT, "");
            assertEquals(401, answer.status, path + ": " + answer.body);
            assertTrue(answer.body.contains("\"status\":401"), answer.body);
        }
    }

    @Test
    void uploadWithoutTheCsrfHeaderIsRefusedBeforeItsBodyIsSent() throws Exception {
        // A _csrf form field is not looked for: that would read the whole upload.
        Answer answer = sendHeadOnly("/api/regions", UNSENT, "Cookie: " + sessionCookie + "\r\n");
        assertEquals(403, answer.status, answer.body);
        assertTrue(answer.body.contains("CSRF"), answer.body);
    }

    @Test
    void declaredLengthOverTheLimitIs413BeforeTheBodyIsSent() throws Exception {
        String signedIn = "Cookie: " + sessionCookie + "; XSRF-TOKEN=" + csrfToken + "\r\nX-XSRF-TOKEN: " + csrfToken + "\r\n";
        Answer osm = sendHeadOnly("/api/regions", 5 * 1024, signedIn);
        assertEquals(413, osm.status, osm.body);
        assertTrue(osm.body.contains("\"status\":413") && osm.body.contains("4 KB"), osm.body);
        Answer roster = sendHeadOnly("/api/regions/1/datasets", 2 * 1024, signedIn);
        assertEquals(413, roster.status, roster.body);
        assertTrue(roster.body.contains("\"status\":413"), roster.body);
    }

    @Test
    void chunkedUploadOverTheLimitIs413Json() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        // No declared length: the container's multipart limit (the OSM limit) stops the OSM extract ...
        HttpResponse<String> osm = http.send(chunked("/api/regions", part("name", "n", null, 5) + part("osm", "x", "r.osm", 8 * 1024)),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, osm.statusCode(), osm.body());
        assertTrue(osm.body().contains("\"status\":413"), osm.statusCode() + " " + osm.headers() + " " + osm.body());
        // ... and the roster limit the schools and students files, once they are read.
        HttpResponse<String> roster = http.send(chunked("/api/regions/1/datasets",
                        part("schools", "x", "schools.csv", 1500) + part("students", "x", "students.csv", 100)),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, roster.statusCode(), roster.body());
        assertTrue(roster.body().contains("\"status\":413"), roster.body());
    }

    private HttpRequest chunked(String path, String parts) {
        byte[] body = (parts + "--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .header("Cookie", sessionCookie + "; XSRF-TOKEN=" + csrfToken)
                .header("X-XSRF-TOKEN", csrfToken)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
    }

    private static String part(String name, String fill, String filename, int size) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (filename == null ? "" : "; filename=\"" + filename + "\"") + "\r\n\r\n" + fill.repeat(size) + "\r\n";
    }

    private record Answer(int status, String body) {
    }

    /**
     * Sends only the request head and the body's first line, then waits for the answer: a server that
     * tried to read the body would wait for the rest and the read here would time out.
     */
    private Answer sendHeadOnly(String path, long contentLength, String extraHeaders) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n"
                    + "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\n"
                    + "Content-Length: " + contentLength + "\r\n" + extraHeaders + "\r\n"
                    + "--" + BOUNDARY + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String head = readHead(in);
            int status = Integer.parseInt(head.substring(9, 12));
            long length = head.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith("content-length:"))
                    .map(l -> Long.parseLong(l.substring(15).strip())).findFirst().orElse(-1L);
            if (length >= 0) {
                return new Answer(status, new String(in.readNBytes((int) length), StandardCharsets.UTF_8));
            }
            assertTrue(head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked"), head);
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (int size = chunkSize(in); size > 0; size = chunkSize(in)) {
                body.write(in.readNBytes(size));
                in.readNBytes(2);
            }
            return new Answer(status, body.toString(StandardCharsets.UTF_8));
        }
    }

    private static int chunkSize(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed in a chunk header");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return Integer.parseInt(line.toString().strip(), 16);
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after " + head);
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String cookie(CookieManager cookies, String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).collect(Collectors.joining());
    }
}
