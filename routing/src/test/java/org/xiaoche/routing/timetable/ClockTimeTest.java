package org.xiaoche.routing.timetable;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClockTimeTest {

    @Test
    void secondsAfterMidnightRoundToTheSecond() {
        assertEquals("07:40:00", ClockTime.hhmmss(7 * 3600 + 40 * 60));
        assertEquals("07:40:01", ClockTime.hhmmss(7 * 3600 + 40 * 60 + 0.6));
        assertEquals("00:00:00", ClockTime.hhmmss(0));
    }

    @Test
    void hoursGoOnPastMidnight() {
        assertEquals("25:10:00", ClockTime.hhmmss(25 * 3600 + 600));
        assertEquals("25:10", ClockTime.hhmm(25 * 3600 + 600));
    }

    @Test
    void minutesDropTheSecondsAsAClockDoes() {
        assertEquals("07:40", ClockTime.hhmm(7 * 3600 + 40 * 60 + 59));
        assertEquals("07:41", ClockTime.hhmm(7 * 3600 + 40 * 60 + 59.6), "rounded to the second first");
    }

    @Test
    void timesThatAreNotFiniteAreEmpty() {
        assertEquals("", ClockTime.hhmmss(Double.NaN));
        assertEquals("", ClockTime.hhmm(Double.POSITIVE_INFINITY));
    }

    @Test
    void timesBeforeMidnightKeepTheirSign() {
        assertEquals("-00:05:00", ClockTime.hhmmss(-300));
    }
}
