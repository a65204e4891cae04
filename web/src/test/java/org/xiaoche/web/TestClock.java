package org.xiaoche.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The service's clock in every test context (profile {@code test}): {@value #START}, inside the autumn term
 * 2026/27 that the tests adopt plans for, so no test depends on the day it runs. A test may move it to
 * another day ({@link #setToday}) and puts it back with {@link #reset()} before it ends.
 */
public final class TestClock extends Clock {

    public static final String START = "2026-10-15T09:00:00+08:00";
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private volatile Instant now = Instant.parse(START);

    /** Makes it 09:00 of {@code day} in the service's zone. */
    public void setToday(LocalDate day) {
        now = day.atTime(9, 0).atZone(ZONE).toInstant();
    }

    public void reset() {
        now = Instant.parse(START);
    }

    @Override
    public ZoneId getZone() {
        return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }

    /** Puts the test clock in place of the system one; component scanning finds it beside the service. */
    @Configuration
    @Profile("test")
    static class InTests {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}
