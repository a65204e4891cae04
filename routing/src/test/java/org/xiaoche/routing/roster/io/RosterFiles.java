package org.xiaoche.routing.roster.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.roster.NetworkArea;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Writes the same small table as CSV, XLSX or GeoJSON for reader tests. */
final class RosterFiles {

    /** The demo county's box; tests treat everything outside it as off the road network. */
    static final NetworkArea COUNTY = p -> p.lon() >= 117.0 && p.lon() <= 118.0 && p.lat() >= 31.0 && p.lat() <= 32.0;

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final Set<String> NUMERIC = Set.of("lon", "lat", "capacity", "grade", "经度", "纬度", "学位数", "年级");
    private static final Set<String> TIMES = Set.of("bell_time", "dismissal_time", "上课时间", "放学时间");

    private RosterFiles() {
    }

    static Path csv(Path dir, String name, List<List<String>> rows) throws IOException {
        return csv(dir, name, rows, Charset.forName("UTF-8"), false, ',');
    }

    static Path csv(Path dir, String name, List<List<String>> rows, Charset charset, boolean bom, char delimiter)
            throws IOException {
        StringBuilder sb = new StringBuilder();
        for (List<String> row : rows) {
            sb.append(String.join(String.valueOf(delimiter), row)).append("\r\n");
        }
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            if (bom) {
                out.write(UTF8_BOM);
            }
            out.write(sb.toString().getBytes(charset));
        }
        return file;
    }

    /**
     * Writes an XLSX as a planner's spreadsheet would hold it: numeric columns as number cells,
     * times as Excel time cells, everything else as text.
     */
    static Path xlsx(Path dir, String name, List<List<String>> rows) throws IOException {
        Path file = dir.resolve(name);
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet("roster");
            CellStyle timeStyle = wb.createCellStyle();
            timeStyle.setDataFormat(wb.createDataFormat().getFormat("hh:mm"));
            List<String> header = rows.get(0);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    String v = rows.get(r).get(c);
                    Cell cell = row.createCell(c);
                    String column = header.get(c);
                    if (r > 0 && NUMERIC.contains(column) && !v.isEmpty()) {
                        cell.setCellValue(Double.parseDouble(v));
                    } else if (r > 0 && TIMES.contains(column) && v.matches("\\d\\d:\\d\\d")) {
                        int minutes = Integer.parseInt(v.substring(0, 2)) * 60 + Integer.parseInt(v.substring(3));
                        cell.setCellValue(minutes / (24.0 * 60));
                        cell.setCellStyle(timeStyle);
                    } else if (!v.isEmpty()) {
                        cell.setCellValue(v);
                    }
                }
            }
            wb.write(out);
        }
        return file;
    }

    /** Writes a FeatureCollection: lon/lat become the Point geometry, the other columns properties. */
    static Path geoJson(Path dir, String name, List<List<String>> rows) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode().put("type", "FeatureCollection");
        ArrayNode features = root.putArray("features");
        List<String> header = rows.get(0);
        int lon = header.indexOf("lon"), lat = header.indexOf("lat");
        for (List<String> row : rows.subList(1, rows.size())) {
            ObjectNode feature = features.addObject().put("type", "Feature");
            ObjectNode geometry = feature.putObject("geometry").put("type", "Point");
            geometry.putArray("coordinates").add(Double.parseDouble(row.get(lon))).add(Double.parseDouble(row.get(lat)));
            ObjectNode properties = feature.putObject("properties");
            for (int c = 0; c < header.size(); c++) {
                if (c == lon || c == lat || row.get(c).isEmpty()) {
                    continue;
                }
                if (NUMERIC.contains(header.get(c))) {
                    properties.put(header.get(c), Double.parseDouble(row.get(c)));
                } else {
                    properties.put(header.get(c), row.get(c));
                }
            }
        }
        Path file = dir.resolve(name);
        json.writeValue(file.toFile(), root);
        return file;
    }

    static LonLat at(double lon, double lat) {
        return new LonLat(lon, lat);
    }
}
