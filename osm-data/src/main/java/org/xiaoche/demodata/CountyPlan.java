package org.xiaoche.demodata;

/**
 * How big the county is for a given number of students. The default (3,000 students) gives about
 * 20 villages, one township besides the county town, on about 18 km × 15 km; larger counties keep
 * the village density and add townships, bridges and interchanges in proportion.
 *
 * @param villages        villages (村), not counting the county town and township centres
 * @param townships       townships (乡镇) besides the county town, each with its own centre
 * @param riverBridges    road bridges over the river
 * @param overpasses      local-road bridges over the expressway
 * @param interchanges    expressway interchanges (motorway_link ramps)
 */
record CountyPlan(int students, int villages, int townships, double width_m, double height_m,
                  int riverBridges, int overpasses, int interchanges) {

    static final int MIN_STUDENTS = 200;
    static final int MAX_STUDENTS = 2_000_000;
    /** Land per village; 13.5 km² puts villages 2–4 km apart, as in the Jiaodong hills. */
    private static final double AREA_PER_VILLAGE_M2 = 13.5e6;

    static CountyPlan forStudents(int students) {
        if (students < MIN_STUDENTS || students > MAX_STUDENTS) {
            throw new IllegalArgumentException("students must be in " + MIN_STUDENTS + ".." + MAX_STUDENTS + ": " + students);
        }
        int villages = Math.max(8, (int) Math.round(20.0 * students / 3_000));
        int townships = Math.max(1, (int) Math.round(villages / 16.0));
        double area_m2 = villages * AREA_PER_VILLAGE_M2;
        double width_m = Math.sqrt(area_m2 * 1.2);
        double height_m = area_m2 / width_m;
        int riverBridges = Math.max(2, (int) Math.round(width_m / 6_000));
        int overpasses = Math.max(2, (int) Math.round(width_m / 4_500));
        int interchanges = 1 + (int) (width_m / 15_000);
        return new CountyPlan(students, villages, townships, width_m, height_m, riverBridges, overpasses, interchanges);
    }
}
