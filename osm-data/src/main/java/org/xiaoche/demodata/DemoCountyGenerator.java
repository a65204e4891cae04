package org.xiaoche.demodata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates the synthetic demo county: a fictional rural county in the hills of eastern Shandong
 * (around 121.2° E, 37.15° N) with a river crossed by few bridges, an expressway, a county town,
 * townships, villages, schools and students. The output is a pure function of (seed, students):
 * the same arguments always give byte-identical files.
 *
 * <p>Command line: {@code --seed N --students N --out DIR} (defaults 2026, 3000, current directory).
 */
public final class DemoCountyGenerator {

    public static final long DEFAULT_SEED = 2026;
    public static final int DEFAULT_STUDENTS = 3_000;
    static final double CENTRE_LON = 121.2;
    static final double CENTRE_LAT = 37.15;

    private DemoCountyGenerator() {
    }

    /**
     * Writes {@link DemoCounty#OSM_FILE}, {@link DemoCounty#SCHOOLS_FILE} and {@link DemoCounty#STUDENTS_FILE}
     * into {@code outDir} (created if missing, files overwritten).
     *
     * @param students total number of students, 200 … 2,000,000
     */
    public static DemoCountySummary generate(long seed, int students, Path outDir) throws IOException {
        CountyPlan plan = CountyPlan.forStudents(students);
        // One independent stream per stage, split in a fixed order.
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom terrainRandom = root.split();
        SplittableRandom layoutRandom = root.split();
        SplittableRandom roadRandom = root.split();
        SplittableRandom schoolRandom = root.split();
        SplittableRandom studentRandom = root.split();

        Terrain terrain = new Terrain(plan.width_m(), plan.height_m(), terrainRandom);
        CountyLayout layout = CountyLayout.place(plan, terrain, layoutRandom);
        RoadNetwork network = RoadNetworkBuilder.build(terrain, layout, roadRandom);
        int[] counts = StudentPopulation.allocate(layout.settlements(), students);
        SchoolSystem schoolSystem = SchoolSystem.plan(layout, network, counts, schoolRandom);
        List<DemoStudent> pupils = StudentPopulation.generate(terrain, layout, network, schoolSystem, counts, studentRandom);
        List<DemoSchool> schools = schoolSystem.schools();
        for (DemoSchool school : schools) {
            long node = network.map().addNode(school.location());
            network.map().tagNode(node, OsmMap.tags("amenity", "school", "name", school.name(),
                    "note", "synthetic demo data (xiaoche-demodata), not a real school"));
        }

        LocalProjection projection = new LocalProjection(CENTRE_LON, CENTRE_LAT, plan.width_m(), plan.height_m());
        Files.createDirectories(outDir);
        double[] bounds = OsmXmlWriter.write(network.map(), projection, outDir.resolve(DemoCounty.OSM_FILE));
        RosterCsvWriter.writeSchools(schools, projection, outDir.resolve(DemoCounty.SCHOOLS_FILE));
        RosterCsvWriter.writeStudents(pupils, projection, outDir.resolve(DemoCounty.STUDENTS_FILE));
        int villages = (int) layout.settlements().stream().filter(s -> s.kind() == Settlement.Kind.VILLAGE).count();
        return new DemoCountySummary(seed, pupils.size(), schools.size(), villages, plan.townships(),
                network.map().nodeCount(), network.map().ways().size(), bounds[0], bounds[1], bounds[2], bounds[3]);
    }

    public static void main(String[] args) throws IOException {
        long seed = DEFAULT_SEED;
        int students = DEFAULT_STUDENTS;
        Path out = Path.of(".");
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--seed" -> seed = Long.parseLong(required(args[i], value));
                case "--students" -> students = Integer.parseInt(required(args[i], value));
                case "--out" -> out = Path.of(required(args[i], value));
                case "--help", "-h" -> {
                    System.out.println("usage: DemoCountyGenerator [--seed N] [--students N] [--out DIR]");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown argument: " + args[i] + " (try --help)");
            }
            i++;
        }
        long started = System.nanoTime();
        DemoCountySummary summary = generate(seed, students, out);
        System.out.printf("%s%nwritten to %s in %.1f s%n", summary, out, (System.nanoTime() - started) / 1e9);
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
