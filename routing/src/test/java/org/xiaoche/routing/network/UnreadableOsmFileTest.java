package org.xiaoche.routing.network;

import com.google.protobuf.ByteString;
import com.sun.net.httpserver.HttpServer;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openstreetmap.osmosis.osmbinary.Fileformat;
import org.openstreetmap.osmosis.osmbinary.Osmformat;
import org.xiaoche.routing.progress.ProgressListener;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every unreadable OSM file fails within seconds with one message naming the file and the reason, and
 * leaves nothing in the graph cache; OSM XML is read without DOCTYPEs or entities.
 */
class UnreadableOsmFileTest {

    private static final Duration LIMIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    /** Imports {@code file} expecting a refusal within the limit; returns the message. */
    private String refused(Path file, String reasonPart) {
        Path cache = dir.resolve("cache-" + file.getFileName());
        NetworkImportException e = assertTimeoutPreemptively(LIMIT, () -> assertThrows(NetworkImportException.class,
                () -> RoadNetwork.importOrLoad(file, cache, ProgressListener.NONE).close()));
        String message = e.getMessage();
        assertTrue(message.contains(file.getFileName().toString()), message);
        assertTrue(message.contains(reasonPart), message);
        assertFalse(message.contains("\n"), message);
        if (Files.exists(cache)) {
            try (Stream<Path> left = Files.list(cache)) {
                assertEquals(List.of(), left.toList(), "graph cache must be left empty");
            } catch (IOException io) {
                throw new AssertionError(io);
            }
        }
        return message;
    }

    @Test
    void truncatedPbfFailsAtOnce() throws IOException {
        byte[] pbf = validPbf();
        refused(write("cut.osm.pbf", Arrays.copyOf(pbf, 33)), "truncated");
        refused(write("half.osm.pbf", Arrays.copyOf(pbf, pbf.length / 2)), "truncated");
        refused(write("one-short.osm.pbf", Arrays.copyOf(pbf, pbf.length - 1)), "truncated");
    }

    @Test
    void pbfWithAbsurdSizesOrGarbageFailsAtOnce() throws IOException {
        byte[] pbf = validPbf();
        // A valid header block, then four bytes claiming a 2 GiB block header.
        int firstBlock = firstBlockLength(pbf);
        byte[] huge = Arrays.copyOf(pbf, firstBlock + 8);
        huge[firstBlock] = 0x7f;
        huge[firstBlock + 1] = (byte) 0xff;
        huge[firstBlock + 2] = (byte) 0xff;
        huge[firstBlock + 3] = (byte) 0xff;
        refused(write("huge.osm.pbf", huge), "block header of 2147483647 bytes");

        byte[] random = new byte[4096];
        new Random(7).nextBytes(random);
        refused(write("random.osm.pbf", random), "not a valid OSM PBF file");
        // The PBF magic, then noise.
        byte[] magicNoise = Arrays.copyOf(pbf, 4096);
        System.arraycopy(random, 0, magicNoise, 6, 4090);
        refused(write("magic-noise.osm.pbf", magicNoise), "not a valid OSM PBF file");
        // Intact framing, corrupt compressed data.
        byte[] corrupt = pbf.clone();
        for (int i = firstBlock + 40; i < corrupt.length - 4; i++) {
            corrupt[i] ^= 0x5a;
        }
        refused(write("corrupt.osm.pbf", corrupt), "not a valid OSM PBF file");
    }

    @Test
    void pbfBlockClaimingAHugeUncompressedSizeFailsAtOnce() throws IOException {
        // Sound framing; the data block says it inflates to 2,000,000,000 bytes, which GraphHopper's decoder
        // thread tries to allocate (and dies, leaving the reader waiting) unless the file is refused first.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] pbf = validPbf();
        out.write(pbf, 0, firstBlockLength(pbf));
        byte[] blob = Fileformat.Blob.newBuilder().setRawSize(2_000_000_000)
                .setZlibData(ByteString.copyFrom(new byte[]{0x78, (byte) 0x9c, 3, 0, 0, 0, 0, 1})).build().toByteArray();
        writeFramed(out, "OSMData", blob);
        refused(write("bomb.osm.pbf", out.toByteArray()), "claims 2000000000 bytes uncompressed");
    }

    @Test
    void validPbfStillImports() throws IOException {
        Path file = write("tiny.osm.pbf", validPbf());
        try (RoadNetwork network = assertTimeoutPreemptively(LIMIT,
                () -> RoadNetwork.importOrLoad(file, dir.resolve("cache"), 0, ProgressListener.NONE))) {
            assertEquals(2, network.nodeCount());
            assertEquals(1, network.edgeCount());
        }
    }

    @Test
    void truncatedGzipAndGarbageBzip2Fail() throws IOException {
        byte[] gz = gzip(osmXml().getBytes(StandardCharsets.UTF_8));
        refused(write("cut.osm.gz", Arrays.copyOf(gz, gz.length - 10)), "truncated");

        byte[] noise = new byte[20_000];
        new Random(3).nextBytes(noise);
        refused(write("garbage.osm.bz2", bzip2(noise)), "not readable as OSM XML");
        byte[] bz = bzip2(osmXml().getBytes(StandardCharsets.UTF_8));
        refused(write("cut.osm.bz2", Arrays.copyOf(bz, bz.length / 2)), "cannot import OSM file cut.osm.bz2");
    }

    @Test
    void htmlPageEmptyFileAndCutXmlAreRefused() throws IOException {
        refused(write("page.osm", "<!doctype html><html><body>Not found</body></html>".getBytes(StandardCharsets.UTF_8)),
                "not readable as OSM XML at line 1");
        refused(write("plain.osm", "<html><body>Not found</body></html>".getBytes(StandardCharsets.UTF_8)),
                "starts with <html>");
        refused(write("empty.osm.pbf", new byte[0]), "empty");
        refused(write("empty.osm", new byte[0]), "empty");
        String xml = osmXml();
        refused(write("cut.osm", xml.substring(0, xml.length() / 2).getBytes(StandardCharsets.UTF_8)), "line");
    }

    @Test
    void externalEntityInATagValueIsNeverResolved() throws IOException {
        Path secret = write("secret.txt", "TOP-SECRET-VALUE".getBytes(StandardCharsets.UTF_8));
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE osm [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<osm version=\"0.6\"><node id=\"1\" lat=\"0\" lon=\"0\"><tag k=\"place\" v=\"village\"/>"
                + "<tag k=\"name\" v=\"&xxe;\"/></node></osm>\n";
        Path file = write("xxe.osm", xxe.getBytes(StandardCharsets.UTF_8));
        String message = refused(file, "DOCTYPE");
        assertFalse(message.contains("TOP-SECRET"), message);
        NetworkImportException places = assertThrows(NetworkImportException.class, () -> PlaceNames.read(file));
        assertFalse(places.getMessage().contains("TOP-SECRET"), places.getMessage());
    }

    @Test
    void externalDtdIsNeverFetched() throws IOException {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "<!ENTITY x \"y\">".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/evil.dtd";
            Path file = write("ssrf.osm", ("<?xml version=\"1.0\"?>\n<!DOCTYPE osm SYSTEM \"" + url + "\">\n"
                    + "<osm version=\"0.6\"><node id=\"1\" lat=\"0\" lon=\"0\"/></osm>\n").getBytes(StandardCharsets.UTF_8));
            refused(file, "DOCTYPE");
            assertThrows(NetworkImportException.class, () -> PlaceNames.read(file));
            assertEquals(0, requests.get(), "the external DTD was fetched");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void importWhoseReaderThreadDiesFailsInsteadOfWaitingForever() {
        // As GraphHopper's PBF reader: a helper thread that dies of an Error while the import waits for it.
        NetworkImportException e = assertTimeoutPreemptively(LIMIT, () -> assertThrows(NetworkImportException.class,
                () -> RoadNetwork.runWatched(() -> {
                    Thread reader = new Thread(() -> {
                        throw new OutOfMemoryError("Java heap space");
                    }, "PBF Reader");
                    reader.start();
                    try {
                        new java.util.concurrent.CountDownLatch(1).await();
                    } catch (InterruptedException interrupted) {
                        throw new IllegalStateException("Thread was interrupted.", interrupted);
                    }
                }, "stuck.osm.pbf")));
        assertEquals("cannot import OSM file stuck.osm.pbf: the OSM reader failed (out of memory: Java heap space)", e.getMessage());
    }

    @Test
    void graphHopperImportWhoseDecoderDiesFailsWithinSeconds() throws IOException {
        // Past the file check (which refuses this file), GraphHopper's decoder thread allocates the stated
        // 2 GiB, dies of an OutOfMemoryError and leaves its reader waiting: the watch ends the import.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] pbf = validPbf();
        out.write(pbf, 0, firstBlockLength(pbf));
        writeFramed(out, "OSMData", Fileformat.Blob.newBuilder().setRawSize(Integer.MAX_VALUE)
                .setZlibData(ByteString.copyFrom(new byte[]{0x78, (byte) 0x9c, 3, 0, 0, 0, 0, 1})).build().toByteArray());
        Path file = write("decoder-bomb.osm.pbf", out.toByteArray());
        var importer = RoadNetwork.configure(file, dir.resolve("staging"), 0);
        try {
            NetworkImportException e = assertTimeoutPreemptively(LIMIT, () -> assertThrows(NetworkImportException.class,
                    () -> RoadNetwork.runWatched(importer::importOrLoad, file.getFileName().toString())));
            assertTrue(e.getMessage().startsWith("cannot import OSM file decoder-bomb.osm.pbf: the OSM reader failed (out of memory"),
                    e.getMessage());
        } finally {
            importer.close();
        }
    }

    @Test
    void watchedImportPassesOrdinaryFailuresThrough() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RoadNetwork.runWatched(() -> {
            throw new IllegalArgumentException("File is not a valid OSM stream");
        }, "x.osm"));
        assertEquals("File is not a valid OSM stream", e.getMessage());
    }

    // --- hand-made files ---

    private static String osmXml() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<osm version=\"0.6\">\n");
        for (int i = 1; i <= 200; i++) {
            xml.append("  <node id=\"").append(i).append("\" lat=\"0.0\" lon=\"").append(i * 0.001).append("\"/>\n");
        }
        xml.append("  <way id=\"1\">");
        for (int i = 1; i <= 200; i++) {
            xml.append("<nd ref=\"").append(i).append("\"/>");
        }
        xml.append("<tag k=\"highway\" v=\"residential\"/></way>\n</osm>\n");
        return xml.toString();
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    private static byte[] bzip2(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (BZip2CompressorOutputStream out = new BZip2CompressorOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    private static int firstBlockLength(byte[] pbf) {
        int headerLength = ((pbf[0] & 0xff) << 24) | ((pbf[1] & 0xff) << 16) | ((pbf[2] & 0xff) << 8) | (pbf[3] & 0xff);
        try {
            Fileformat.BlobHeader header = Fileformat.BlobHeader.parseFrom(Arrays.copyOfRange(pbf, 4, 4 + headerLength));
            return 4 + headerLength + header.getDatasize();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Two nodes 0.01° apart joined by a residential road, as a zlib-compressed OSM PBF. */
    static byte[] validPbf() throws IOException {
        Osmformat.HeaderBlock header = Osmformat.HeaderBlock.newBuilder()
                .addRequiredFeatures("OsmSchema-V0.6").addRequiredFeatures("DenseNodes").setWritingprogram("test").build();
        Osmformat.StringTable strings = Osmformat.StringTable.newBuilder()
                .addS(ByteString.EMPTY).addS(ByteString.copyFromUtf8("highway")).addS(ByteString.copyFromUtf8("residential")).build();
        Osmformat.DenseNodes dense = Osmformat.DenseNodes.newBuilder()
                .addId(1).addId(1)
                .addLat(0).addLat(0)
                .addLon(0).addLon(100_000) // granularity 100 nanodegrees: 0.01°
                .build();
        Osmformat.Way way = Osmformat.Way.newBuilder().setId(10).addKeys(1).addVals(2).addRefs(1).addRefs(1).build();
        Osmformat.PrimitiveBlock block = Osmformat.PrimitiveBlock.newBuilder().setStringtable(strings)
                .addPrimitivegroup(Osmformat.PrimitiveGroup.newBuilder().setDense(dense))
                .addPrimitivegroup(Osmformat.PrimitiveGroup.newBuilder().addWays(way))
                .build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeBlock(out, "OSMHeader", header.toByteArray());
        writeBlock(out, "OSMData", block.toByteArray());
        return out.toByteArray();
    }

    private static void writeBlock(ByteArrayOutputStream out, String type, byte[] raw) throws IOException {
        Deflater deflater = new Deflater();
        deflater.setInput(raw);
        deflater.finish();
        byte[] buffer = new byte[raw.length + 64];
        int n = deflater.deflate(buffer);
        deflater.end();
        byte[] blob = Fileformat.Blob.newBuilder().setRawSize(raw.length)
                .setZlibData(ByteString.copyFrom(buffer, 0, n)).build().toByteArray();
        writeFramed(out, type, blob);
    }

    private static void writeFramed(ByteArrayOutputStream out, String type, byte[] blob) throws IOException {
        byte[] blobHeader = Fileformat.BlobHeader.newBuilder().setType(type).setDatasize(blob.length).build().toByteArray();
        out.write(new byte[]{(byte) (blobHeader.length >>> 24), (byte) (blobHeader.length >>> 16),
                (byte) (blobHeader.length >>> 8), (byte) blobHeader.length});
        out.write(blobHeader);
        out.write(blob);
    }
}
