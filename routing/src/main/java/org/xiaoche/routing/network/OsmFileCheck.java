package org.xiaoche.routing.network;

import com.google.protobuf.InvalidProtocolBufferException;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.openstreetmap.osmosis.osmbinary.Fileformat;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.DataFormatException;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;

/**
 * Reads an OSM file through once before GraphHopper sees it, so that a truncated, corrupt or foreign file
 * fails at once with a reason instead of hanging or exhausting memory in GraphHopper's reader threads.
 * The format is told apart as GraphHopper does (gzip and PBF by their first bytes, bzip2 and XML by name):
 * <ul>
 *   <li>PBF: the BlobHeader/Blob framing over the whole file, with the OSM PBF limits (header ≤ 64 KiB, blob
 *   ≤ 32 MiB, uncompressed ≤ 32 MiB), the first block an {@code OSMHeader}, and every zlib block inflated to
 *   its stated size;</li>
 *   <li>XML (plain, gzip or bzip2): parsed to the end with a parser that refuses any DOCTYPE and resolves no
 *   entities, root element {@code osm}.</li>
 * </ul>
 */
public final class OsmFileCheck {

    static final int MAX_BLOB_HEADER_BYTES = 64 * 1024;
    static final int MAX_BLOB_BYTES = 32 * 1024 * 1024;

    private OsmFileCheck() {
    }

    /**
     * @throws NetworkImportException naming the file and why it cannot be read as OSM data
     */
    public static void check(Path osmFile) {
        String file = osmFile.getFileName().toString();
        if (!Files.isRegularFile(osmFile)) {
            throw new NetworkImportException("OSM file not found: " + file);
        }
        try {
            if (Files.size(osmFile) == 0) {
                throw new NetworkImportException("OSM file is empty: " + file);
            }
            byte[] head = new byte[6];
            int n;
            try (InputStream in = Files.newInputStream(osmFile)) {
                n = in.readNBytes(head, 0, head.length);
            }
            String name = file.toLowerCase(Locale.ROOT);
            if (n >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
                try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(osmFile)), 65536)) {
                    checkXml(in, file);
                }
            } else if (isPbfStart(head, n) || name.endsWith(".pbf")) {
                try (InputStream in = new BufferedInputStream(Files.newInputStream(osmFile), 65536)) {
                    checkPbf(in, file);
                }
            } else if (name.endsWith(".bz2")) {
                try (InputStream in = new BZip2CompressorInputStream(new BufferedInputStream(Files.newInputStream(osmFile)))) {
                    checkXml(in, file);
                }
            } else {
                try (InputStream in = new BufferedInputStream(Files.newInputStream(osmFile), 65536)) {
                    checkXml(in, file);
                }
            }
        } catch (NetworkImportException e) {
            throw e;
        } catch (EOFException e) {
            throw refused(file, "the file is truncated (it ends in the middle of its data)", e);
        } catch (java.util.zip.ZipException e) {
            throw refused(file, "the compressed data is corrupt (" + message(e) + ")", e);
        } catch (IOException e) {
            throw refused(file, "cannot be read (" + message(e) + ")", e);
        } catch (RuntimeException e) {
            throw refused(file, "not readable as OSM data (" + message(e) + ")", e);
        }
    }

    private static boolean isPbfStart(byte[] h, int n) {
        return n >= 6 && h[0] == 0 && h[1] == 0 && h[2] == 0 && (h[3] == 13 || h[3] == 14) && h[4] == 10 && h[5] == 9;
    }

    private static NetworkImportException refused(String file, String reason, Throwable cause) {
        return new NetworkImportException("cannot import OSM file " + file + ": " + reason, cause);
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    // --- PBF ---

    private static void checkPbf(InputStream raw, String file) throws IOException {
        DataInputStream in = new DataInputStream(raw);
        long offset = 0;
        int blocks = 0;
        while (true) {
            int b0 = in.read();
            if (b0 < 0) {
                break;
            }
            int headerLength = (b0 << 24) | (in.readUnsignedByte() << 16) | (in.readUnsignedByte() << 8) | in.readUnsignedByte();
            if (headerLength <= 0 || headerLength > MAX_BLOB_HEADER_BYTES) {
                throw refused(file, "not a valid OSM PBF file (block header of " + Integer.toUnsignedString(headerLength)
                        + " bytes at byte " + offset + "; at most " + MAX_BLOB_HEADER_BYTES + " allowed)", null);
            }
            byte[] headerBytes = in.readNBytes(headerLength);
            if (headerBytes.length < headerLength) {
                throw truncated(file, offset);
            }
            Fileformat.BlobHeader header;
            try {
                header = Fileformat.BlobHeader.parseFrom(headerBytes);
            } catch (InvalidProtocolBufferException e) {
                throw refused(file, "not a valid OSM PBF file (corrupt block header at byte " + offset + ")", e);
            }
            int dataSize = header.getDatasize();
            if (dataSize <= 0 || dataSize > MAX_BLOB_BYTES) {
                throw refused(file, "not a valid OSM PBF file (block of " + Integer.toUnsignedString(dataSize)
                        + " bytes at byte " + offset + "; at most " + MAX_BLOB_BYTES + " allowed)", null);
            }
            if (blocks == 0 && !"OSMHeader".equals(header.getType())) {
                throw refused(file, "not a valid OSM PBF file (it does not start with an OSMHeader block)", null);
            }
            byte[] blobBytes = in.readNBytes(dataSize);
            if (blobBytes.length < dataSize) {
                throw truncated(file, offset);
            }
            checkBlob(blobBytes, file, offset);
            offset += 4L + headerLength + dataSize;
            blocks++;
        }
        if (blocks == 0) {
            throw refused(file, "not a valid OSM PBF file (no data)", null);
        }
    }

    private static NetworkImportException truncated(String file, long blockOffset) {
        return refused(file, "the file is truncated (it ends inside the block at byte " + blockOffset + ")", null);
    }

    private static void checkBlob(byte[] blobBytes, String file, long offset) {
        Fileformat.Blob blob;
        try {
            blob = Fileformat.Blob.parseFrom(blobBytes);
        } catch (InvalidProtocolBufferException e) {
            throw refused(file, "not a valid OSM PBF file (corrupt block at byte " + offset + ")", e);
        }
        if (blob.hasRaw()) {
            return;
        }
        if (!blob.hasZlibData()) {
            throw refused(file, "not a valid OSM PBF file (block at byte " + offset
                    + " is not raw or zlib-compressed, the only kinds supported)", null);
        }
        int rawSize = blob.getRawSize();
        if (rawSize <= 0 || rawSize > MAX_BLOB_BYTES) {
            throw refused(file, "not a valid OSM PBF file (block at byte " + offset + " claims " + Integer.toUnsignedString(rawSize)
                    + " bytes uncompressed; at most " + MAX_BLOB_BYTES + " allowed)", null);
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(blob.getZlibData().toByteArray());
            byte[] out = new byte[rawSize];
            int got = 0;
            while (got < rawSize && !inflater.finished()) {
                int k = inflater.inflate(out, got, rawSize - got);
                if (k == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                got += k;
            }
            if (got != rawSize || !inflater.finished()) {
                throw refused(file, "not a valid OSM PBF file (block at byte " + offset + " does not decompress to its stated size)", null);
            }
        } catch (DataFormatException e) {
            throw refused(file, "not a valid OSM PBF file (corrupt compressed block at byte " + offset + ")", e);
        } finally {
            inflater.end();
        }
    }

    // --- XML ---

    /** A StAX factory that refuses DOCTYPEs and resolves no external entities; use it for any OSM XML read here. */
    public static XMLInputFactory hardenedXmlFactory() {
        XMLInputFactory factory = XMLInputFactory.newInstance();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external entity " + systemId + " refused");
        });
        return factory;
    }

    private static void checkXml(InputStream in, String file) throws IOException {
        XMLStreamReader xml = null;
        try {
            xml = hardenedXmlFactory().createXMLStreamReader(in);
            boolean root = false;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    throw refused(file, "not accepted: OSM XML must not have a DOCTYPE (line "
                            + xml.getLocation().getLineNumber() + ")", null);
                }
                if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw refused(file, "not accepted: entity reference &" + xml.getLocalName() + "; at line "
                            + xml.getLocation().getLineNumber(), null);
                }
                if (event == XMLStreamConstants.START_ELEMENT && !root) {
                    if (!"osm".equalsIgnoreCase(xml.getLocalName())) {
                        throw refused(file, "not OSM data (the document starts with <" + xml.getLocalName()
                                + ">, not <osm>)", null);
                    }
                    root = true;
                }
            }
            if (!root) {
                throw refused(file, "not OSM data (no <osm> element)", null);
            }
        } catch (XMLStreamException e) {
            Throwable cause = e.getNestedException() != null ? e.getNestedException() : e.getCause();
            if (cause instanceof EOFException eof) {
                throw eof;
            }
            if (cause instanceof java.util.zip.ZipException zip) {
                throw zip;
            }
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNumber()
                    + ", column " + e.getLocation().getColumnNumber();
            throw refused(file, "not readable as OSM XML" + where + " (" + firstLine(e.getMessage()) + ")", e);
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // closing a reader over a stream that is closed next
                }
            }
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "malformed";
        }
        // Parsers add "ParseError at [row,col]:[..]" or " at [row,col {unknown-source}]: [..]" lines; keep the reason.
        for (String line : message.strip().split("\\R")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("at [row,col") || l.startsWith("ParseError at")) {
                continue;
            }
            return l.startsWith("Message: ") ? l.substring("Message: ".length()) : l;
        }
        return "malformed";
    }
}
