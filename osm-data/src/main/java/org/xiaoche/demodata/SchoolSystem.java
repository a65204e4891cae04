package org.xiaoche.demodata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The county's schools and who attends which. The county town has the central primary (中心小学)
 * and the junior middle school (初中) for its township; every other township centre has a
 * nine-year school (九年一贯制) for its centre's pupils and its villages' juniors. Larger villages
 * keep a village primary (村小), the smallest a teaching point (教学点, grades 1–3 or 1–4); pupils
 * of villages without a school go to the nearest primary of their township.
 */
final class SchoolSystem {

    private enum VillageSchool { NONE, PRIMARY, TEACHING_POINT }

    /** A school while enrolment is counted; capacity is fixed at the end. */
    private static final class Draft {
        final String id;
        final String name;
        final String level;
        final PlanePoint location;
        final String bellTime;
        final String dismissalTime;
        final boolean teachingPoint;
        final int highestGrade;
        boolean inVillage;
        int enrolment;

        Draft(String id, String name, String level, PlanePoint location, String bellTime, String dismissalTime,
              boolean teachingPoint, int highestGrade) {
            this.id = id;
            this.name = name;
            this.level = level;
            this.location = location;
            this.bellTime = bellTime;
            this.dismissalTime = dismissalTime;
            this.teachingPoint = teachingPoint;
            this.highestGrade = highestGrade;
        }
    }

    /** How far a school sits back from the street it faces. */
    static final double SETBACK_M = 15;
    private static final double STAY_AT_VILLAGE_PRIMARY = 0.88;
    private static final double STAY_AT_TEACHING_POINT = 0.95;

    private final List<Settlement> settlements;
    private final List<Draft> drafts = new ArrayList<>();
    /** Per township: the school that takes its primary pupils by default (central primary or nine-year school). */
    private final List<Draft> townshipPrimary = new ArrayList<>();
    private final List<Draft> townshipJunior = new ArrayList<>();
    /** Per settlement: its own school (village primary or teaching point) or null. */
    private final Draft[] ownSchool;
    /** Per settlement: nearest school for primary grades its own school does not teach. */
    private final Draft[] fallbackPrimary;

    private SchoolSystem(List<Settlement> settlements) {
        this.settlements = settlements;
        this.ownSchool = new Draft[settlements.size()];
        this.fallbackPrimary = new Draft[settlements.size()];
    }

    /** Places the schools; {@code studentsPerSettlement} decides which villages keep one. */
    static SchoolSystem plan(CountyLayout layout, RoadNetwork network, int[] studentsPerSettlement, SplittableRandom random) {
        SchoolSystem system = new SchoolSystem(layout.settlements());
        system.placeTownSchools(network);
        system.placeVillageSchools(network, studentsPerSettlement, random);
        system.chooseFallbacks();
        return system;
    }

    private void placeTownSchools(RoadNetwork network) {
        Settlement town = settlements.get(0);
        List<Frontage> townStreets = network.frontages().get(0);
        Draft central = add("城关中心小学", "primary", townStreets.get(0).setBack(SETBACK_M), "07:50", "16:30", false, 6);
        Draft junior = add("示范县第一初级中学", "junior", townStreets.get(1).setBack(SETBACK_M), "07:30", "17:10", false, 9);
        townshipPrimary.add(central);
        townshipJunior.add(junior);
        for (Settlement s : settlements) {
            if (s.kind() == Settlement.Kind.TOWNSHIP_CENTRE) {
                Draft nineYear = add(s.name() + "九年一贯制学校", "nine_year",
                        network.frontages().get(s.index()).get(2).setBack(SETBACK_M), "07:40", "16:50", false, 9);
                townshipPrimary.add(nineYear);
                townshipJunior.add(nineYear);
            }
        }
        assert town.kind() == Settlement.Kind.COUNTY_TOWN;
    }

    private void placeVillageSchools(RoadNetwork network, int[] studentsPerSettlement, SplittableRandom random) {
        VillageSchool[] kind = new VillageSchool[settlements.size()];
        for (int township = 0; township < townshipPrimary.size(); township++) {
            final int t = township;
            List<Settlement> villages = settlements.stream()
                    .filter(s -> s.kind() == Settlement.Kind.VILLAGE && s.township() == t && !s.farBankShowcase())
                    .sorted(Comparator.comparingInt((Settlement s) -> -studentsPerSettlement[s.index()]).thenComparingInt(Settlement::index))
                    .toList();
            for (int rank = 0; rank < villages.size(); rank++) {
                double fraction = villages.size() == 1 ? 0 : (double) rank / (villages.size() - 1);
                kind[villages.get(rank).index()] = fraction < 0.45 ? VillageSchool.PRIMARY
                        : fraction >= 0.72 ? VillageSchool.TEACHING_POINT : VillageSchool.NONE;
            }
        }
        for (Settlement s : settlements) {
            if (kind[s.index()] == null || kind[s.index()] == VillageSchool.NONE || network.frontages().get(s.index()).isEmpty()) {
                continue;
            }
            PlanePoint location = network.frontages().get(s.index()).get(0).setBack(SETBACK_M);
            boolean early = random.nextBoolean();
            if (kind[s.index()] == VillageSchool.PRIMARY) {
                ownSchool[s.index()] = add(s.name() + "小学", "primary", location, early ? "07:55" : "08:00", early ? "16:00" : "16:10", false, 6);
            } else {
                int highestGrade = random.nextBoolean() ? 3 : 4;
                ownSchool[s.index()] = add(s.name() + "教学点", "primary", location, early ? "08:10" : "08:20", early ? "15:40" : "15:30", true, highestGrade);
            }
            ownSchool[s.index()].inVillage = true;
        }
    }

    private void chooseFallbacks() {
        for (Settlement s : settlements) {
            Draft best = townshipPrimary.get(s.township());
            if (s.kind() == Settlement.Kind.VILLAGE) {
                for (Settlement other : settlements) {
                    Draft candidate = ownSchool[other.index()];
                    if (candidate != null && !candidate.teachingPoint && other.township() == s.township()
                            && candidate.location.distance_m(s.centre()) < best.location.distance_m(s.centre())) {
                        best = candidate;
                    }
                }
            }
            fallbackPrimary[s.index()] = best;
        }
    }

    private Draft add(String name, String level, PlanePoint location, String bell, String dismissal, boolean teachingPoint, int highestGrade) {
        Draft draft = new Draft(String.format("S%03d", drafts.size() + 1), name, level, location, bell, dismissal, teachingPoint, highestGrade);
        drafts.add(draft);
        return draft;
    }

    /** The school a student of this grade living in this settlement attends; counts the enrolment. */
    String enrol(Settlement home, int grade, SplittableRandom random) {
        Draft school;
        Draft own = ownSchool[home.index()];
        if (grade >= 7) {
            school = townshipJunior.get(home.township());
        } else if (home.kind() != Settlement.Kind.VILLAGE) {
            school = townshipPrimary.get(home.township());
        } else if (own != null && !own.teachingPoint) {
            school = random.nextDouble() < STAY_AT_VILLAGE_PRIMARY ? own : townshipPrimary.get(home.township());
        } else if (own != null && grade <= own.highestGrade && random.nextDouble() < STAY_AT_TEACHING_POINT) {
            school = own;
        } else {
            school = fallbackPrimary[home.index()];
        }
        school.enrolment++;
        return school.id;
    }

    /** The schools with capacities sized from enrolment (small rural schools have room to spare). */
    List<DemoSchool> schools() {
        List<DemoSchool> schools = new ArrayList<>();
        for (Draft d : drafts) {
            int capacity;
            if (d.teachingPoint) {
                capacity = Math.max(40, roundUp(d.enrolment * 1.5, 10));
            } else if (d.inVillage) {
                // Village primaries were built for six classes; enrolment has shrunk since.
                capacity = Math.max(180, roundUp(d.enrolment * 1.3, 10));
            } else {
                capacity = roundUp(d.enrolment * 1.15, 50);
            }
            schools.add(new DemoSchool(d.id, d.name, d.level, d.location, capacity, d.bellTime, d.dismissalTime,
                    d.teachingPoint, "junior".equals(d.level) ? 7 : 1, d.highestGrade));
        }
        return schools;
    }

    private static int roundUp(double value, int step) {
        return (int) Math.ceil(value / step) * step;
    }
}
