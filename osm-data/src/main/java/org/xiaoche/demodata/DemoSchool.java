package org.xiaoche.demodata;

/**
 * A generated school as written to schools.csv.
 *
 * @param level         kindergarten, primary, junior or nine_year (the CSV spelling)
 * @param lowestGrade   lowest grade taught
 * @param highestGrade  highest grade taught (3 or 4 at a teaching point)
 * @param bellTime      HH:mm, morning lessons start
 * @param dismissalTime HH:mm, afternoon run leaves
 */
record DemoSchool(String id, String name, String level, PlanePoint location, int capacity, String bellTime,
                  String dismissalTime, boolean teachingPoint, int lowestGrade, int highestGrade) {
}
