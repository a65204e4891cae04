package org.xiaoche.benchmarks.parktaekim;

import java.util.List;

/** One Park, Tae &amp; Kim (2012) instance as given in its Schools.txt and Stops.txt. */
public record ParkInstance(String name, List<ParkSchool> schools, List<ParkStop> stops) {

    /** Bus capacity of the benchmark (homogeneous fleet). */
    public static final int SEATS = 66;
    /** Bus speed: 20 mph in feet per second. */
    public static final double SPEED_FT_PER_S = 29.3333333;

    public ParkInstance {
        schools = List.copyOf(schools);
        stops = List.copyOf(stops);
    }

    public int students() {
        return stops.stream().mapToInt(ParkStop::students).sum();
    }
}
