package org.xiaoche.routing.optimization;

/**
 * Time a bus stands at a stop or school: {@code fixed_s + perStudent_s × students}, where
 * {@code students} is the number boarding (at a stop) or alighting (at a school).
 */
public record DwellModel(double fixed_s, double perStudent_s) {

    /** Xiaoche's planning default at a pickup stop: 30 s + 5 s per boarding student. */
    public static final DwellModel PLANNING_DEFAULT = new DwellModel(30, 5);
    /** Park, Tae &amp; Kim (2012) pickup dwell: 19 s + 2.6 s per student. */
    public static final DwellModel PARK_STOP = new DwellModel(19, 2.6);
    /** Park, Tae &amp; Kim (2012) school drop-off dwell: 29 s + 1.9 s per student. */
    public static final DwellModel PARK_SCHOOL = new DwellModel(29, 1.9);

    public DwellModel {
        if (!(fixed_s >= 0) || !(perStudent_s >= 0)) {
            throw new IllegalArgumentException("dwell parts must be >= 0: " + fixed_s + ", " + perStudent_s);
        }
    }

    /** Dwell in seconds for {@code students} boarding or alighting students. */
    public double dwell_s(int students) {
        return fixed_s + perStudent_s * students;
    }
}
