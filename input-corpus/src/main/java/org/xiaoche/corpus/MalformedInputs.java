package org.xiaoche.corpus;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.xiaoche.corpus.InputCase.Target;
import org.xiaoche.demodata.DemoCounty;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A corpus of awkward and malformed input files on the synthetic demo county, as planners' files come
 * from Excel, WeChat and old GIS tools: rosters (CSV, XLSX, GeoJSON), OSM extracts, policy and fleet files.
 * Every case is generated here (nothing binary is committed); each says whether it must import or be
 * refused, and for refused rosters which line and field the first problem names.
 *
 * <p>Rosters go with {@link #schoolsCsv()} or {@link #studentsCsv()} as the other file: two demo schools
 * (S001 primary, S002 junior) and a few pupils near them.
 */
public final class MalformedInputs {

    private static final Charset GBK = Charset.forName("GBK");
    private static final String SCHOOLS_HEADER = "school_id,name,level,lon,lat,capacity,bell_time,dismissal_time,teaching_point";
    private static final List<String> SCHOOL_ROWS = List.of(
            "S001,城关中心小学,primary,121.191882,37.155439,750,07:50,16:30,false",
            "S002,示范县第一初级中学,junior,121.191882,37.149953,850,07:30,17:10,false");
    private static final String STUDENTS_HEADER = "student_id,school_id,grade,lon,lat";
    private static final List<String> STUDENT_ROWS = List.of(
            "P000001,S001,6,121.191442,37.154740",
            "P000002,S002,8,121.191442,37.154740",
            "P000003,S001,4,121.190178,37.153124",
            "P000004,S001,1,121.188099,37.156097");
    /** The home coordinates the student files hold: none may appear in any error text. */
    public static final List<String> HOME_COORDINATES = List.of("121.191442", "37.154740", "121.190178", "37.153124",
            "121.188099", "37.156097");

    private MalformedInputs() {
    }

    /** The good schools file the student cases go with. */
    public static byte[] schoolsCsv() {
        return lines(SCHOOLS_HEADER, SCHOOL_ROWS).getBytes(StandardCharsets.UTF_8);
    }

    /** The good students file the school cases go with. */
    public static byte[] studentsCsv() {
        return lines(STUDENTS_HEADER, STUDENT_ROWS).getBytes(StandardCharsets.UTF_8);
    }

    /** Every case, in a fixed order. */
    public static List<InputCase> all() {
        List<InputCase> cases = new ArrayList<>();
        studentCsvCases(cases);
        schoolCsvCases(cases);
        xlsxCases(cases);
        geoJsonCases(cases);
        osmCases(cases);
        policyCases(cases);
        fleetCases(cases);
        return List.copyOf(cases);
    }

    private static void studentCsvCases(List<InputCase> c) {
        String good = lines(STUDENTS_HEADER, STUDENT_ROWS);
        c.add(ok("csv-utf8-bom", Target.STUDENTS, "students.csv", concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(good))));
        String chinese = lines("学生编号,学校编号,年级,经度,纬度", STUDENT_ROWS);
        c.add(ok("csv-gbk-chinese-header", Target.STUDENTS, "学生名单.csv", chinese.getBytes(GBK)));
        c.add(ok("csv-gb18030", Target.STUDENTS, "students.csv", chinese.getBytes(Charset.forName("GB18030"))));
        c.add(ok("csv-semicolons", Target.STUDENTS, "students.csv", utf8(good.replace(',', ';'))));
        c.add(ok("csv-tabs", Target.STUDENTS, "students.txt", utf8(good.replace(',', '\t'))));
        c.add(ok("csv-lf-only", Target.STUDENTS, "students.csv", utf8(good.replace("\r\n", "\n"))));
        c.add(ok("csv-trailing-empty-rows", Target.STUDENTS, "students.csv", utf8(good + ",,,,\r\n,,,,\r\n\r\n")));
        c.add(ok("csv-numbers-as-quoted-text", Target.STUDENTS, "students.csv",
                utf8(lines(STUDENTS_HEADER, List.of("\"P000001\",\"S001\",\"6\",\"121.191442\",\"37.154740\"")))));
        c.add(ok("csv-full-width-digits", Target.STUDENTS, "students.csv",
                utf8(lines(STUDENTS_HEADER, List.of("P000001,S001,６,１２１．１９１４４２,３７．１５４７４０")))));
        c.add(ok("csv-padded-cells", Target.STUDENTS, "students.csv",
                utf8(lines(STUDENTS_HEADER, List.of(" P000001 , S001 , 6 , 121.191442 , 37.154740 ")))));
        c.add(ok("csv-uppercase-extension", Target.STUDENTS, "STUDENTS.CSV", utf8(good)));
        c.add(ok("csv-wechat-renamed-copy", Target.STUDENTS, "students(1).csv", utf8(good)));
        c.add(ok("csv-extra-columns-and-names", Target.STUDENTS, "students.csv", utf8(lines(STUDENTS_HEADER + ",姓名,备注",
                List.of("P000001,S001,6,121.191442,37.154740,张三,\"住在村口, 河边\"")))));
        // GCJ-02 rows mixed into a WGS-84 file are 200–600 m off: they cannot be told apart, and still import.
        c.add(ok("csv-mixed-coordinate-systems", Target.STUDENTS, "students.csv",
                utf8(lines(STUDENTS_HEADER, List.of("P000001,S001,6,121.191442,37.154740", "P000002,S001,5,121.197180,37.155512")))));
        c.add(ok("csv-wheelchair-chinese-yes", Target.STUDENTS, "students.csv",
                utf8(lines(STUDENTS_HEADER + ",轮椅", List.of("P000001,S001,6,121.191442,37.154740,是")))));

        c.add(refused("csv-merged-title-row", Target.STUDENTS, "students.csv",
                utf8(lines("学生名单（2026 秋）,,,,", List.of(STUDENTS_HEADER, STUDENT_ROWS.get(0)))), 1, "school_id"));
        c.add(refused("csv-full-width-comma-separator", Target.STUDENTS, "students.csv",
                utf8(lines(STUDENTS_HEADER.replace(',', '，'), List.of(STUDENT_ROWS.get(0).replace(',', '，')))), 1, "school_id"));
        c.add(refused("csv-enumeration-comma-separator", Target.STUDENTS, "students.csv",
                utf8(lines(STUDENTS_HEADER.replace(',', '、'), List.of(STUDENT_ROWS.get(0).replace(',', '、')))), 1, "school_id"));
        c.add(refused("csv-lat-lon-swapped", Target.STUDENTS, "students.csv",
                utf8(lines(STUDENTS_HEADER, List.of("P000001,S001,6,37.154740,121.191442"))), 2, "lat"));
        c.add(refused("csv-dms-coordinates", Target.STUDENTS, "students.csv",
                utf8(lines(STUDENTS_HEADER, List.of("P000001,S001,6,121°11'29\"E,37°9'17\"N"))), 2, "lon"));
        c.add(refused("csv-decimal-commas", Target.STUDENTS, "students.csv",
                utf8(lines(STUDENTS_HEADER, List.of("P000001,S001,6,\"121,191442\",\"37,154740\""))), 2, "lon"));
        c.add(refused("csv-empty-file", Target.STUDENTS, "students.csv", new byte[0], 0, ""));
        c.add(refused("csv-only-blank-lines", Target.STUDENTS, "students.csv", utf8("\r\n\r\n  \r\n"), 0, ""));
        c.add(refused("csv-header-only", Target.STUDENTS, "students.csv", utf8(STUDENTS_HEADER + "\r\n"), 0, ""));
        c.add(refused("csv-duplicate-ids", Target.STUDENTS, "students.csv",
                utf8(lines(STUDENTS_HEADER, List.of(STUDENT_ROWS.get(0), STUDENT_ROWS.get(2).replace("P000003", "P000001")))), 3, "student_id"));
        c.add(refused("csv-very-long-cell", Target.STUDENTS, "students.csv",
                utf8(lines(STUDENTS_HEADER, List.of("P" + "9".repeat(200_000) + ",S001,6,121.191442,37.154740"))), 2, "student_id"));
        c.add(refused("csv-one-endless-line", Target.STUDENTS, "students.csv", utf8("student_id," + "x,".repeat(600_000)), 0, ""));
        c.add(refused("csv-nul-bytes", Target.STUDENTS, "students.csv",
                concat(utf8(lines(STUDENTS_HEADER, List.of(STUDENT_ROWS.get(0)))), new byte[]{0, 0, 0, 'x'}), 0, ""));
        c.add(refused("csv-unterminated-quote", Target.STUDENTS, "students.csv", utf8(lines(STUDENTS_HEADER,
                List.of(STUDENT_ROWS.get(0), "P000002,\"S001,6,121.191442,37.154740", "P000003,S001,4,121.190178,37.153124"))
                + "P000009,S001,4,121.190178,37.153124\r\n".repeat(2_000)), 3, ""));
        c.add(refused("csv-utf16-unicode-text", Target.STUDENTS, "students.txt",
                concat(new byte[]{(byte) 0xFF, (byte) 0xFE}, good.replace(',', '\t').getBytes(StandardCharsets.UTF_16LE)), 0, ""));
        c.add(refused("csv-latin1-garbage", Target.STUDENTS, "students.csv",
                concat(utf8(STUDENTS_HEADER + "\r\n"), new byte[]{(byte) 0xFF, (byte) 0xC0, (byte) 0x80, '\r', '\n'}), 0, ""));
        c.add(refused("csv-unknown-school", Target.STUDENTS, "students.csv",
                utf8(lines(STUDENTS_HEADER, List.of("P000001,S999,6,121.191442,37.154740"))), 2, "school_id"));
        c.add(refused("csv-grade-in-words", Target.STUDENTS, "students.csv",
                utf8(lines(STUDENTS_HEADER, List.of("P000001,S001,三年级,121.191442,37.154740"))), 2, "grade"));
        c.add(refused("csv-grade-not-taught", Target.STUDENTS, "students.csv",
                utf8(lines(STUDENTS_HEADER, List.of("P000001,S002,3,121.191442,37.154740"))), 2, "grade"));
        c.add(refused("csv-home-far-away", Target.STUDENTS, "students.csv",
                utf8(lines(STUDENTS_HEADER, List.of("P000001,S001,6,116.397428,39.909230"))), 2, "lon/lat"));
        c.add(refused("csv-excel-sheet-renamed", Target.STUDENTS, "students.csv", xlsx(List.of(studentTable())), 0, ""));
        c.add(refused("csv-no-extension", Target.STUDENTS, "students", utf8(good), 0, ""));
    }

    private static void schoolCsvCases(List<InputCase> c) {
        c.add(ok("schools-gbk-chinese-levels", Target.SCHOOLS, "学校.csv", lines("学校编号,学校名称,学段,经度,纬度,学位数,上课时间,放学时间",
                List.of("S001,城关中心小学,小学,121.191882,37.155439,750,7:50,16:30", "S002,示范县第一初级中学,初中,121.191882,37.149953,850,07:30,17:10"))
                .getBytes(GBK)));
        c.add(ok("schools-formula-looking-name", Target.SCHOOLS, "schools.csv", utf8(lines(SCHOOLS_HEADER,
                List.of("S001,\"=HYPERLINK(\"\"http://x\"\")\",primary,121.191882,37.155439,750,07:50,16:30,false", SCHOOL_ROWS.get(1))))));
        c.add(refused("schools-times-as-day-fractions", Target.SCHOOLS, "schools.csv", utf8(lines(SCHOOLS_HEADER,
                List.of("S001,城关中心小学,primary,121.191882,37.155439,750,0.326388,0.6875,false", SCHOOL_ROWS.get(1)))), 2, "bell_time"));
        c.add(refused("schools-dismissal-before-bell", Target.SCHOOLS, "schools.csv", utf8(lines(SCHOOLS_HEADER,
                List.of("S001,城关中心小学,primary,121.191882,37.155439,750,16:30,07:50,false", SCHOOL_ROWS.get(1)))), 2, "dismissal_time"));
        c.add(refused("schools-unknown-level", Target.SCHOOLS, "schools.csv", utf8(lines(SCHOOLS_HEADER,
                List.of("S001,城关中心小学,完小,121.191882,37.155439,750,07:50,16:30,false", SCHOOL_ROWS.get(1)))), 2, "level"));
        c.add(refused("schools-duplicate-header", Target.SCHOOLS, "schools.csv", utf8(lines(SCHOOLS_HEADER + ",经度",
                List.of(SCHOOL_ROWS.get(0) + ",121.2"))), 1, "经度"));
        c.add(refused("schools-capacity-negative", Target.SCHOOLS, "schools.csv", utf8(lines(SCHOOLS_HEADER,
                List.of("S001,城关中心小学,primary,121.191882,37.155439,-5,07:50,16:30,false", SCHOOL_ROWS.get(1)))), 2, "capacity"));
    }

    private static void xlsxCases(List<InputCase> c) {
        List<List<Object>> note = List.of(List.<Object>of("说明"), List.<Object>of("本表由教育局导出"));
        c.add(ok("xlsx-several-sheets", Target.STUDENTS, "students.xlsx", xlsx(List.of(studentTable(), note))));
        List<List<Object>> asText = new ArrayList<>();
        asText.add(List.<Object>of("student_id", "school_id", "grade", "lon", "lat"));
        asText.add(List.<Object>of("P000001", "S001", "6", "121.191442", "37.154740"));
        c.add(ok("xlsx-numbers-as-text", Target.STUDENTS, "students.xlsx", xlsx(List.of(asText))));
        c.add(ok("xlsx-trailing-empty-rows", Target.STUDENTS, "students.xlsx",
                xlsx(List.of(append(studentTable(), List.<Object>of("", "", "", "", ""), List.<Object>of("", "", "", "", ""))))));
        c.add(refused("xlsx-roster-on-second-sheet", Target.STUDENTS, "students.xlsx", xlsx(List.of(List.of(), studentTable())), 1, ""));
        c.add(refused("xlsx-empty-workbook", Target.STUDENTS, "students.xlsx", xlsx(List.of(List.of())), 1, ""));
        c.add(refused("xlsx-zero-bytes", Target.STUDENTS, "students.xlsx", new byte[0], 0, ""));
        c.add(refused("xlsx-password-protected", Target.STUDENTS, "students.xlsx", encrypted(xlsx(List.of(studentTable()))), 0, ""));
        c.add(refused("xlsx-really-xls", Target.STUDENTS, "students.xlsx", xls(studentTable()), 0, ""));
        c.add(refused("xlsx-zip-bomb", Target.STUDENTS, "students.xlsx", zipBomb(), 0, ""));
        c.add(refused("xlsx-really-csv", Target.STUDENTS, "students.xlsx", utf8(lines(STUDENTS_HEADER, STUDENT_ROWS)), 0, ""));
        byte[] whole = xlsx(List.of(studentTable()));
        c.add(refused("xlsx-truncated", Target.STUDENTS, "students.xlsx", Arrays.copyOf(whole, whole.length / 2), 0, ""));
        c.add(refused("xlsx-grade-as-date", Target.STUDENTS, "students.xlsx", xlsxWithDateGrade(), 2, "grade"));
        c.add(refused("schools-xlsx-bell-as-plain-number", Target.SCHOOLS, "schools.xlsx", xlsx(List.of(List.of(
                List.<Object>of("school_id", "name", "level", "lon", "lat", "capacity", "bell_time", "dismissal_time"),
                List.<Object>of("S001", "城关中心小学", "primary", 121.191882, 37.155439, 750, 0.3263888, 0.6875)))), 2, "bell_time"));
    }

    private static void geoJsonCases(List<InputCase> c) {
        String features = "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[121.191442,37.154740%s]},"
                + "\"properties\":{\"student_id\":\"P000001\",\"school_id\":\"S001\",\"grade\":6}}";
        String good = "{\"type\":\"FeatureCollection\",\"features\":[" + String.format(features, "") + "]}";
        c.add(ok("geojson-3d-coordinates", Target.STUDENTS, "students.geojson",
                utf8("{\"type\":\"FeatureCollection\",\"features\":[" + String.format(features, ",12.5") + "]}")));
        c.add(ok("geojson-chinese-properties", Target.STUDENTS, "students.json", utf8("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[121.191442,37.154740]},\"properties\":{\"学生编号\":\"P000001\",\"学校编号\":\"S001\",\"年级\":\"6\"}}]}")));
        c.add(ok("geojson-utf8-bom", Target.STUDENTS, "students.geojson", concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(good))));
        c.add(refused("geojson-truncated", Target.STUDENTS, "students.geojson", utf8(good.substring(0, good.length() / 2)), -1, ""));
        c.add(refused("geojson-polygons", Target.STUDENTS, "students.geojson", utf8("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[121.19,37.15],[121.20,37.15],[121.20,37.16],[121.19,37.15]]]},"
                + "\"properties\":{\"student_id\":\"P000001\",\"school_id\":\"S001\",\"grade\":6}}]}"), 1, "geometry"));
        c.add(refused("geojson-null-geometry", Target.STUDENTS, "students.geojson", utf8("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                + "\"geometry\":null,\"properties\":{\"student_id\":\"P000001\",\"school_id\":\"S001\",\"grade\":6}}]}"), 1, "geometry"));
        c.add(refused("geojson-web-mercator-crs", Target.STUDENTS, "students.geojson", utf8("{\"type\":\"FeatureCollection\","
                + "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::3857\"}},\"features\":[{\"type\":\"Feature\","
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[13491253.8,4464021.2]},\"properties\":{\"student_id\":\"P000001\",\"school_id\":\"S001\",\"grade\":6}}]}"),
                1, "lon"));
        c.add(refused("geojson-top-level-array", Target.STUDENTS, "students.geojson", utf8("[" + String.format(features, "") + "]"), 0, ""));
        c.add(refused("geojson-huge-numbers", Target.STUDENTS, "students.geojson", utf8("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[1e400,-1e400]},\"properties\":{\"student_id\":\"P000001\",\"school_id\":\"S001\",\"grade\":6}}]}"),
                1, "lon"));
        c.add(refused("geojson-single-feature", Target.STUDENTS, "students.geojson", utf8(String.format(features, "")), 0, ""));
        c.add(refused("geojson-empty-collection", Target.STUDENTS, "students.geojson", utf8("{\"type\":\"FeatureCollection\",\"features\":[]}"), 0, ""));
    }

    private static void osmCases(List<InputCase> c) {
        byte[] demo = demoOsm();
        c.add(refused("osm-truncated-gz", Target.OSM, "county.osm.gz", Arrays.copyOf(demo, demo.length / 3), -1, null));
        c.add(refused("osm-html-page", Target.OSM, "county.osm",
                utf8("<!DOCTYPE html><html><head><title>404 Not Found</title></head><body>Not found</body></html>"), -1, null));
        c.add(refused("osm-empty-gz", Target.OSM, "county.osm.gz", new byte[0], -1, null));
        c.add(refused("osm-pbf-33-bytes", Target.OSM, "county.osm.pbf", Arrays.copyOf(utf8("\0\0\0\rOSMHeader and then it stops...."), 33), -1, null));
        c.add(refused("osm-xxe", Target.OSM, "county.osm", utf8("<?xml version=\"1.0\"?>\n<!DOCTYPE osm [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + "<osm version=\"0.6\"><node id=\"1\" lat=\"37.15\" lon=\"121.19\"><tag k=\"name\" v=\"&x;\"/></node></osm>"), -1, null));
        c.add(refused("osm-gzip-of-garbage", Target.OSM, "county.osm.gz", gzip(utf8("this is not OpenStreetMap XML at all\n".repeat(100))), -1, null));
    }

    private static void policyCases(List<InputCase> c) {
        c.add(ok("policy-with-comments", Target.POLICY, "policy.json", utf8("{\n  // 县里的规定：步行超过 2.5 公里可乘车\n  \"walkThreshold_m\": 2500\n}\n")));
        c.add(refused("policy-wrong-type", Target.POLICY, "policy.json", utf8("{\n  \"walkThreshold_m\": \"2公里\"\n}\n"), -1, null));
        c.add(refused("policy-unknown-field", Target.POLICY, "policy.json", utf8("{\n  \"walkThreshold\": 2000\n}\n"), -1, null));
        c.add(refused("policy-trailing-comma", Target.POLICY, "policy.json", utf8("{\n  \"walkThreshold_m\": 2000,\n}\n"), -1, null));
        c.add(refused("policy-absurd-solver-time", Target.POLICY, "policy.json", utf8("{\"routes\": {\"solverSeconds\": 1000000000}}"), -1, null));
        c.add(refused("policy-negative-walk", Target.POLICY, "policy.json", utf8("{\"walkThreshold_m\": -100}"), -1, null));
        c.add(refused("policy-empty-file", Target.POLICY, "policy.json", new byte[0], -1, null));
        c.add(refused("policy-a-list", Target.POLICY, "policy.json", utf8("[2000]"), -1, null));
    }

    private static void fleetCases(List<InputCase> c) {
        c.add(ok("fleet-with-comments", Target.FLEET, "fleet.json", utf8("{\n  /* 县交通公司的车 */\n  \"busTypes\": [{\"id\": \"bus35\", \"seats\": 35}]\n}\n")));
        c.add(refused("fleet-negative-seats", Target.FLEET, "fleet.json", utf8("{\"busTypes\": [{\"id\": \"bus19\", \"seats\": -19}]}"), -1, null));
        c.add(refused("fleet-absurd-seats", Target.FLEET, "fleet.json", utf8("{\"busTypes\": [{\"id\": \"bus\", \"seats\": 5000}]}"), -1, null));
        c.add(refused("fleet-seats-as-text", Target.FLEET, "fleet.json", utf8("{\"busTypes\": [{\"id\": \"bus19\", \"seats\": \"19座\"}]}"), -1, null));
        c.add(refused("fleet-unknown-field", Target.FLEET, "fleet.json", utf8("{\"busTypes\": [{\"id\": \"bus19\", \"seats\": 19, \"colour\": \"yellow\"}]}"), -1, null));
        c.add(refused("fleet-trailing-comma", Target.FLEET, "fleet.json", utf8("{\"busTypes\": [{\"id\": \"bus19\", \"seats\": 19},]}"), -1, null));
        c.add(refused("fleet-depot-in-the-sea", Target.FLEET, "fleet.json",
                utf8("{\"busTypes\": [{\"id\": \"bus19\", \"seats\": 19}], \"depots\": [{\"id\": \"D1\", \"lon\": 123.5, \"lat\": 36.0}]}"), -1, null));
        c.add(refused("fleet-absurd-cost", Target.FLEET, "fleet.json", utf8("{\"busTypes\": [{\"id\": \"bus19\", \"seats\": 19, \"costPerDay\": -1e300}]}"), -1, null));
    }

    private static InputCase ok(String name, Target target, String fileName, byte[] content) {
        return new InputCase(name, target, fileName, content, true, -1, null);
    }

    private static InputCase refused(String name, Target target, String fileName, byte[] content, long line, String field) {
        return new InputCase(name, target, fileName, content, false, line, field);
    }

    private static List<List<Object>> studentTable() {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.<Object>of("student_id", "school_id", "grade", "lon", "lat"));
        rows.add(List.<Object>of("P000001", "S001", 6, 121.191442, 37.154740));
        rows.add(List.<Object>of("P000003", "S001", 4, 121.190178, 37.153124));
        return rows;
    }

    @SafeVarargs
    private static List<List<Object>> append(List<List<Object>> rows, List<Object>... more) {
        List<List<Object>> all = new ArrayList<>(rows);
        all.addAll(List.of(more));
        return all;
    }

    private static String lines(String header, List<String> rows) {
        StringBuilder sb = new StringBuilder(header).append("\r\n");
        rows.forEach(r -> sb.append(r).append("\r\n"));
        return sb.toString();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** A workbook with one sheet per table; numbers as number cells, everything else as text. */
    private static byte[] xlsx(List<List<List<Object>>> sheets) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            fill(wb, sheets);
            return bytes(wb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] xls(List<List<Object>> table) {
        try (HSSFWorkbook wb = new HSSFWorkbook()) {
            fill(wb, List.of(table));
            return bytes(wb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fill(Workbook wb, List<List<List<Object>>> sheets) {
        for (int s = 0; s < sheets.size(); s++) {
            Sheet sheet = wb.createSheet("Sheet" + (s + 1));
            List<List<Object>> table = sheets.get(s);
            for (int r = 0; r < table.size(); r++) {
                Row row = sheet.createRow(r);
                for (int col = 0; col < table.get(r).size(); col++) {
                    Object v = table.get(r).get(col);
                    if (v instanceof Number n) {
                        row.createCell(col).setCellValue(n.doubleValue());
                    } else if (!"".equals(v)) {
                        row.createCell(col).setCellValue(String.valueOf(v));
                    }
                }
            }
        }
    }

    /** The student table with its grade cell formatted as a date, as Excel does to "6-1" typed into a cell. */
    private static byte[] xlsxWithDateGrade() {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            fill(wb, List.of(studentTable()));
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            wb.getSheetAt(0).getRow(1).getCell(2).setCellValue(46023);
            wb.getSheetAt(0).getRow(1).getCell(2).setCellStyle(date);
            return bytes(wb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(Workbook wb) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        return out.toByteArray();
    }

    /** The workbook as Excel saves it with a password to open: an OLE2 file holding the encrypted package. */
    private static byte[] encrypted(byte[] xlsx) {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.standard);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword("校车2026");
            try (OutputStream os = encryptor.getDataStream(fs)) {
                os.write(xlsx);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt the workbook", e);
        }
    }

    /** An XLSX whose sheet inflates to 200 MB of blanks from a few hundred kilobytes. */
    private static byte[] zipBomb() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
            entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            entry(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
                    + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            entry(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write(utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"));
            byte[] blanks = new byte[1 << 20];
            Arrays.fill(blanks, (byte) ' ');
            for (int i = 0; i < 200; i++) {
                zip.write(blanks);
            }
            zip.write(utf8("</sheetData></worksheet>"));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(utf8(text));
        zip.closeEntry();
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] demoOsm() {
        try (InputStream in = DemoCounty.open(DemoCounty.OSM_FILE)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
