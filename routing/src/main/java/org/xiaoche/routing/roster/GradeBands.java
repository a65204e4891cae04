package org.xiaoche.routing.roster;

import java.util.Comparator;

/**
 * The grade bands every summary and comparison reports: K (kindergarten, grade 0), 1-3, 4-6, 7-9,
 * 10-12. One rule, so a plan's summary and a scenario's comparison group students alike.
 */
public final class GradeBands {

    /** Bands in grade order (K first, then by the band's lowest grade; "10-12" after "7-9"). */
    public static final Comparator<String> ORDER = Comparator.comparingInt(GradeBands::lowestGrade);

    private GradeBands() {
    }

    /** The band of {@code grade}. */
    public static String of(int grade) {
        if (grade <= 0) {
            return "K";
        }
        int low = (grade - 1) / 3 * 3 + 1;
        return low + "-" + (low + 2);
    }

    private static int lowestGrade(String band) {
        return band.equals("K") ? 0 : Integer.parseInt(band.substring(0, band.indexOf('-')));
    }
}
