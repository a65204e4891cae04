package org.xiaoche.routing.timetable;

import java.util.Locale;

/**
 * Times of day as written in timetables, files and messages: seconds after midnight rounded to the
 * second, as {@code HH:mm:ss} or {@code HH:mm}. Hours go on past 24 for runs after midnight
 * ({@code 25:10:00}); a time that is not finite is written as the empty string.
 */
public final class ClockTime {

    private ClockTime() {
    }

    /** {@code HH:mm:ss} of {@code time_s} rounded to the nearest second; "" when not finite. */
    public static String hhmmss(double time_s) {
        if (!Double.isFinite(time_s)) {
            return "";
        }
        long s = Math.round(time_s);
        String sign = s < 0 ? "-" : "";
        s = Math.abs(s);
        return String.format(Locale.ROOT, "%s%02d:%02d:%02d", sign, s / 3600, (s / 60) % 60, s % 60);
    }

    /**
     * {@code time_s} rounded to the nearest whole minute (half a minute up), in seconds. Rounding keeps
     * order: times that do not decrease still do not decrease.
     */
    public static long nearestMinute_s(double time_s) {
        if (!Double.isFinite(time_s)) {
            throw new IllegalArgumentException("not a time of day: " + time_s);
        }
        return Math.round(time_s / 60.0) * 60;
    }

    /**
     * {@code HH:mm} of {@code time_s} rounded to the nearest second, the seconds then dropped (as a
     * clock shows it: 07:40:59 is 07:40); "" when not finite.
     */
    public static String hhmm(double time_s) {
        String full = hhmmss(time_s);
        return full.isEmpty() ? full : full.substring(0, full.length() - 3);
    }
}
