package org.xiaoche.routing.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one stored form of a {@link Plan}: JSON with {@code formatVersion}, fields in declaration
 * order and map keys sorted, so the same plan always gives the same bytes. Reading refuses other
 * versions and unknown fields with a clear message.
 */
public final class PlanCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private PlanCodec() {
    }

    public static byte[] toBytes(Plan plan) {
        try {
            return MAPPER.writeValueAsBytes(plan);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plan could not be written as JSON", e);
        }
    }

    public static void write(Plan plan, OutputStream out) throws IOException {
        out.write(toBytes(plan));
    }

    public static void write(Plan plan, Path file) throws IOException {
        byte[] bytes = toBytes(plan);
        org.xiaoche.routing.export.OutputFile.write(file, out -> out.write(bytes));
    }

    public static Plan read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.getFileName().toString());
        }
    }

    public static Plan fromBytes(byte[] bytes) {
        try {
            return read(new java.io.ByteArrayInputStream(bytes), "plan");
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** @param source named in error messages, e.g. the file name */
    public static Plan read(InputStream in, String source) throws IOException {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            throw new IOException(source + ": not a plan file: " + e.getOriginalMessage(), e);
        }
        if (tree == null || !tree.isObject() || !tree.path("formatVersion").isInt()) {
            throw new IOException(source + ": not a plan file (no formatVersion)");
        }
        int version = tree.get("formatVersion").asInt();
        if (version != Plan.FORMAT_VERSION) {
            throw new IOException(source + ": plan format version " + version + ", this version reads " + Plan.FORMAT_VERSION);
        }
        try {
            return MAPPER.treeToValue(tree, Plan.class);
        } catch (JsonProcessingException e) {
            throw new IOException(source + ": invalid plan: " + e.getOriginalMessage(), e);
        }
    }

    /** SHA-256 (hex) of a value's stored JSON form: fingerprints of policies and fleets. */
    public static String fingerprint(Object value) {
        try {
            return sha256(MAPPER.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
