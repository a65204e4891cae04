package org.xiaoche.web.account;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lock-out after 5 failures per name within 15 minutes, doubling from 30 s; addresses after 20. */
class LoginThrottleTest {

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-09-01T08:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    @Test
    void fiveFailuresAreFreeThenTheLockDoublesFromThirtySeconds() {
        HandClock clock = new HandClock();
        LoginThrottle throttle = new LoginThrottle(clock);
        for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_USER; i++) {
            assertFalse(throttle.locked("Pia", "10.0.0.1"), "failure " + i);
            throttle.failed("Pia", "10.0.0.1");
        }
        assertFalse(throttle.locked("pia", "10.0.0.2"), "five failures are free");
        throttle.failed("pia", "10.0.0.2");
        assertTrue(throttle.locked("PIA", "10.0.0.3"), "the sixth locks the name, whatever its case or address");
        assertFalse(throttle.locked("other", "10.0.0.3"), "other names from other addresses are not locked");
        clock.advance(Duration.ofSeconds(29));
        assertTrue(throttle.locked("pia", "10.0.0.3"));
        clock.advance(Duration.ofSeconds(2));
        assertFalse(throttle.locked("pia", "10.0.0.3"), "30 s after the sixth failure");
        throttle.failed("pia", "10.0.0.3");
        clock.advance(Duration.ofSeconds(59));
        assertTrue(throttle.locked("pia", "10.0.0.3"), "the seventh locks for 60 s");
        clock.advance(Duration.ofSeconds(2));
        assertFalse(throttle.locked("pia", "10.0.0.3"));
        throttle.succeeded("pia");
        throttle.failed("pia", "10.0.0.3");
        assertFalse(throttle.locked("pia", "10.0.0.3"), "a successful login clears the name's count");
    }

    @Test
    void failuresOlderThanTheWindowAreForgotten() {
        HandClock clock = new HandClock();
        LoginThrottle throttle = new LoginThrottle(clock);
        for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_USER; i++) {
            throttle.failed("pia", "10.0.0.1");
        }
        clock.advance(LoginThrottle.WINDOW.plusSeconds(1));
        throttle.failed("pia", "10.0.0.1");
        assertFalse(throttle.locked("pia", "10.0.0.1"));
    }

    @Test
    void oneAddressTryingManyNamesIsLocked() {
        LoginThrottle throttle = new LoginThrottle(new HandClock());
        for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_ADDRESS; i++) {
            throttle.failed("name" + i, "10.0.0.9");
        }
        assertFalse(throttle.locked("fresh", "10.0.0.9"));
        throttle.failed("name-last", "10.0.0.9");
        assertTrue(throttle.locked("fresh", "10.0.0.9"), "a name never tried, from the guessing address");
        assertFalse(throttle.locked("fresh", "10.0.0.8"));
    }
}
