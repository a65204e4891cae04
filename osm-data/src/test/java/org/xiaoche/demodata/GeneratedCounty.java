package org.xiaoche.demodata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Generated files of one run, generated once per JVM and read back as text and OSM. */
final class GeneratedCounty {

    private static GeneratedCounty defaultCounty;

    final Path dir;
    final DemoCountySummary summary;
    final ParsedOsm osm;
    final List<String[]> schools;
    final List<String[]> students;
    final String schoolsHeader;
    final String studentsHeader;

    private GeneratedCounty(Path dir, DemoCountySummary summary) throws IOException {
        this.dir = dir;
        this.summary = summary;
        this.osm = ParsedOsm.read(dir.resolve(DemoCounty.OSM_FILE));
        List<String> schoolLines = Files.readAllLines(dir.resolve(DemoCounty.SCHOOLS_FILE), StandardCharsets.UTF_8);
        List<String> studentLines = Files.readAllLines(dir.resolve(DemoCounty.STUDENTS_FILE), StandardCharsets.UTF_8);
        this.schoolsHeader = schoolLines.get(0);
        this.studentsHeader = studentLines.get(0);
        this.schools = schoolLines.stream().skip(1).map(l -> l.split(",", -1)).toList();
        this.students = studentLines.stream().skip(1).map(l -> l.split(",", -1)).toList();
    }

    static GeneratedCounty generate(long seed, int students) {
        try {
            Path dir = Files.createTempDirectory("demo-county-" + seed + "-" + students);
            dir.toFile().deleteOnExit();
            DemoCountySummary summary = DemoCountyGenerator.generate(seed, students, dir);
            for (String f : DemoCounty.FILES) {
                dir.resolve(f).toFile().deleteOnExit();
            }
            return new GeneratedCounty(dir, summary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized GeneratedCounty defaults() {
        if (defaultCounty == null) {
            defaultCounty = generate(DemoCountyGenerator.DEFAULT_SEED, DemoCountyGenerator.DEFAULT_STUDENTS);
        }
        return defaultCounty;
    }
}
