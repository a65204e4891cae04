package org.xiaoche.routing.export.workbook;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Opens a workbook with LibreOffice Calc headless ({@code soffice --headless --convert-to csv},
 * every sheet) and returns each sheet as CSV text: the check that a workbook opens in a real
 * spreadsheet program. {@code scripts/setup.sh} installs {@code libreoffice-calc-nogui}; without it
 * the tests fail unless {@code XIAOCHE_SKIP_OFFICE=1} says to skip.
 */
public final class LibreOfficeCsv {

    /** UTF-8 (76), comma, double quote, every sheet (-1): LibreOffice's CSV filter options. */
    private static final String ALL_SHEETS_CSV = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";

    private LibreOfficeCsv() {
    }

    /** Sheet name → the sheet as CSV. */
    public static Map<String, String> sheets(Path workbook, Path workDir) throws IOException, InterruptedException {
        Path soffice = Stream.of("/usr/bin/soffice", "/usr/bin/libreoffice").map(Path::of).filter(Files::isExecutable)
                .findFirst().orElse(null);
        if (soffice == null) {
            Assumptions.assumeTrue("1".equals(System.getenv("XIAOCHE_SKIP_OFFICE")) ? false : failMissing());
        }
        Path out = Files.createDirectories(workDir.resolve("csv"));
        Path profile = Files.createDirectories(workDir.resolve("lo-profile"));
        Process p = new ProcessBuilder(soffice.toString(), "-env:UserInstallation=" + profile.toUri(), "--headless",
                "--convert-to", ALL_SHEETS_CSV, "--outdir", out.toString(), workbook.toString())
                .redirectErrorStream(true).redirectOutput(workDir.resolve("soffice.log").toFile()).start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "soffice finished");
        assertEquals(0, p.exitValue(), () -> readQuietly(workDir.resolve("soffice.log")));
        String base = workbook.getFileName().toString().replaceFirst("\\.xlsx$", "");
        Map<String, String> sheets = new TreeMap<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.startsWith(base + "-") && name.endsWith(".csv")) {
                    sheets.put(name.substring(base.length() + 1, name.length() - 4), Files.readString(f, StandardCharsets.UTF_8));
                }
            }
        }
        assertTrue(!sheets.isEmpty(), () -> "LibreOffice wrote no sheet: " + readQuietly(workDir.resolve("soffice.log")));
        return sheets;
    }

    private static boolean failMissing() {
        throw new AssertionError("LibreOffice (soffice) is not installed: run scripts/setup.sh, or set XIAOCHE_SKIP_OFFICE=1 to skip");
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    /** Lines of a CSV text (no quoted line breaks in our workbooks). */
    public static List<String> lines(String csv) {
        return csv.lines().toList();
    }
}
