package org.xiaoche.demodata;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Students and their homes. Homes cluster around village centres (most within a few hundred
 * metres of a lane), some sit in hamlets along the roads out of the village, siblings share a
 * home, and about 0.5 % live 350–600 m from any road, so that planners see "off network" reported.
 */
final class StudentPopulation {

    /** Relative size of grades 1–9: roughly equal, slightly fewer in higher grades; juniors ≈ 1/3. */
    private static final double[] GRADE_WEIGHTS = {1.00, 0.99, 0.98, 0.97, 0.95, 0.94, 0.92, 0.90, 0.88};
    static final double OFF_NETWORK_SHARE = 0.005;
    static final double OFF_NETWORK_MIN_M = 350;
    static final double OFF_NETWORK_MAX_M = 600;
    private static final double SIBLING_SHARE = 0.2;
    private static final double HAMLET_SHARE = 0.18;
    private static final double VILLAGE_SPREAD_M = 160;
    private static final EnumSet<SegmentIndex.Kind> BARRIERS = EnumSet.of(SegmentIndex.Kind.RIVER, SegmentIndex.Kind.MOTORWAY);
    private static final EnumSet<SegmentIndex.Kind> ANY_ROAD = EnumSet.of(SegmentIndex.Kind.ROAD, SegmentIndex.Kind.FOOT, SegmentIndex.Kind.MOTORWAY);

    private final Terrain terrain;
    private final RoadNetwork network;
    private final SplittableRandom random;

    private StudentPopulation(Terrain terrain, RoadNetwork network, SplittableRandom random) {
        this.terrain = terrain;
        this.network = network;
        this.random = random;
    }

    /**
     * Students per settlement, summing exactly to {@code students}: the county town takes a share that
     * shrinks for larger counties, the rest follows settlement weights (largest-remainder rounding).
     */
    static int[] allocate(List<Settlement> settlements, int students) {
        int[] counts = new int[settlements.size()];
        double townShare = Math.max(0.04, Math.min(0.25, 0.20 * Math.sqrt(3_000.0 / students)));
        counts[0] = (int) Math.round(students * townShare);
        int rest = students - counts[0];
        double totalWeight = 0;
        for (int i = 1; i < settlements.size(); i++) {
            totalWeight += settlements.get(i).weight();
        }
        double[] remainders = new double[settlements.size()];
        int assigned = 0;
        for (int i = 1; i < settlements.size(); i++) {
            double exact = rest * settlements.get(i).weight() / totalWeight;
            counts[i] = (int) Math.floor(exact);
            remainders[i] = exact - counts[i];
            assigned += counts[i];
        }
        for (int left = rest - assigned; left > 0; left--) {
            int best = 1;
            for (int i = 2; i < settlements.size(); i++) {
                if (remainders[i] > remainders[best]) {
                    best = i;
                }
            }
            counts[best]++;
            remainders[best] = -1;
        }
        return counts;
    }

    /** Generates the students settlement by settlement (ids P000001…), enrolling each through {@code schools}. */
    static List<DemoStudent> generate(Terrain terrain, CountyLayout layout, RoadNetwork network, SchoolSystem schools,
                                      int[] counts, SplittableRandom random) {
        return new StudentPopulation(terrain, network, random).generate(layout.settlements(), schools, counts);
    }

    private List<DemoStudent> generate(List<Settlement> settlements, SchoolSystem schools, int[] counts) {
        List<DemoStudent> students = new ArrayList<>();
        List<Integer> villageStudents = new ArrayList<>();
        List<Settlement> homeOf = new ArrayList<>();
        for (Settlement settlement : settlements) {
            List<PlanePoint> hamlets = hamletSites(settlement);
            PlanePoint previousHome = null;
            for (int i = 0; i < counts[settlement.index()]; i++) {
                int grade = sampleGrade();
                PlanePoint home = previousHome != null && random.nextDouble() < SIBLING_SHARE
                        ? previousHome : sampleHome(settlement, hamlets);
                previousHome = home;
                String schoolId = schools.enrol(settlement, grade, random);
                if (settlement.kind() == Settlement.Kind.VILLAGE) {
                    villageStudents.add(students.size());
                }
                homeOf.add(settlement);
                students.add(new DemoStudent(String.format("P%06d", students.size() + 1), schoolId, grade, home));
            }
        }
        moveSomeOffNetwork(students, villageStudents, homeOf);
        return students;
    }

    private int sampleGrade() {
        double total = 0;
        for (double w : GRADE_WEIGHTS) {
            total += w;
        }
        double u = random.nextDouble() * total;
        for (int g = 0; g < GRADE_WEIGHTS.length; g++) {
            u -= GRADE_WEIGHTS[g];
            if (u < 0) {
                return g + 1;
            }
        }
        return GRADE_WEIGHTS.length;
    }

    /** 1–3 hamlets per village, 350–1,000 m out along its roads, 40–100 m off the road. */
    private List<PlanePoint> hamletSites(Settlement settlement) {
        List<PlanePoint> sites = new ArrayList<>();
        List<List<PlanePoint>> roads = network.roadsOut().get(settlement.index());
        if (settlement.kind() != Settlement.Kind.VILLAGE || roads.isEmpty()) {
            return sites;
        }
        int wanted = 1 + random.nextInt(3);
        for (int attempt = 0; attempt < 10 && sites.size() < wanted; attempt++) {
            List<PlanePoint> road = roads.get(random.nextInt(roads.size()));
            double length_m = WindingRoad.length_m(road);
            double along_m = Math.min(350 + 650 * random.nextDouble(), 0.45 * length_m);
            double side_m = (random.nextBoolean() ? 1 : -1) * (40 + 60 * random.nextDouble());
            PlanePoint site = offsetAlong(road, along_m, side_m);
            if (acceptable(site, settlement.region())) {
                sites.add(site);
            }
        }
        return sites;
    }

    private PlanePoint sampleHome(Settlement settlement, List<PlanePoint> hamlets) {
        for (int attempt = 0; attempt < 30; attempt++) {
            PlanePoint home;
            if (settlement.grid() != null) {
                StreetGridSpec grid = settlement.grid();
                double margin_m = 60;
                home = grid.southWest().plus(-margin_m + random.nextDouble() * ((grid.columns() - 1) * grid.spacing_m() + 2 * margin_m),
                        -margin_m + random.nextDouble() * ((grid.rows() - 1) * grid.spacing_m() + 2 * margin_m));
            } else if (!hamlets.isEmpty() && random.nextDouble() < HAMLET_SHARE) {
                PlanePoint hamlet = hamlets.get(random.nextInt(hamlets.size()));
                home = hamlet.plus(random.nextGaussian() * 60, random.nextGaussian() * 60);
            } else {
                home = settlement.centre().plus(random.nextGaussian() * VILLAGE_SPREAD_M, random.nextGaussian() * VILLAGE_SPREAD_M);
                if (home.distance_m(settlement.centre()) > 3.5 * VILLAGE_SPREAD_M) {
                    continue;
                }
            }
            if (acceptable(home, settlement.region())) {
                return home;
            }
        }
        return settlement.centre().plus(5 + 20 * random.nextDouble(), 5 + 20 * random.nextDouble());
    }

    /** Moves ≈ 0.5 % of village students to homes 350–600 m from any road (still near their village). */
    private void moveSomeOffNetwork(List<DemoStudent> students, List<Integer> villageStudents, List<Settlement> homeOf) {
        if (villageStudents.isEmpty()) {
            return;
        }
        int wanted = Math.max(1, (int) Math.round(students.size() * OFF_NETWORK_SHARE));
        java.util.Set<Integer> moved = new java.util.TreeSet<>();
        for (int attempt = 0; moved.size() < wanted && attempt < 50 * wanted; attempt++) {
            int s = villageStudents.get(random.nextInt(villageStudents.size()));
            if (moved.contains(s)) {
                continue;
            }
            Settlement village = homeOf.get(s);
            for (int tries = 0; tries < 300; tries++) {
                double angle = random.nextDouble() * 2 * Math.PI;
                double radius_m = 450 + 1_100 * random.nextDouble();
                PlanePoint home = village.centre().plus(Math.cos(angle) * radius_m, Math.sin(angle) * radius_m);
                // A little inside the 350–600 m band, so rounding of written coordinates cannot push it out.
                double toRoad_m = network.index().nearestDistance_m(home, OFF_NETWORK_MAX_M + 50, ANY_ROAD);
                if (toRoad_m >= OFF_NETWORK_MIN_M + 20 && toRoad_m <= OFF_NETWORK_MAX_M - 20 && acceptable(home, village.region())) {
                    DemoStudent old = students.get(s);
                    students.set(s, new DemoStudent(old.id(), old.schoolId(), old.grade(), home));
                    moved.add(s);
                    break;
                }
            }
        }
    }

    private boolean acceptable(PlanePoint home, Region region) {
        return terrain.inside(home, 30) && terrain.regionOf(home) == region
                && Double.isInfinite(network.index().nearestDistance_m(home, 40, BARRIERS));
    }

    private static PlanePoint offsetAlong(List<PlanePoint> polyline, double along_m, double side_m) {
        double walked_m = 0;
        for (int i = 1; i < polyline.size(); i++) {
            PlanePoint a = polyline.get(i - 1), b = polyline.get(i);
            double d = a.distance_m(b);
            if (walked_m + d >= along_m || i == polyline.size() - 1) {
                double t = d == 0 ? 0 : Math.min(1, (along_m - walked_m) / d);
                PlanePoint p = a.towards(b, t);
                return d == 0 ? p : p.plus(-(b.y_m() - a.y_m()) / d * side_m, (b.x_m() - a.x_m()) / d * side_m);
            }
            walked_m += d;
        }
        return polyline.get(0);
    }
}
