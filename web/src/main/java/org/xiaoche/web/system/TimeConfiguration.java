package org.xiaoche.web.system;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * The service's clock. What day it is decides which adoptions are in force, and terms begin and end
 * by the counties' calendar, so days are counted in {@code xiaoche.time-zone} ({@code Asia/Shanghai}
 * unless set), whatever zone the server itself runs in.
 */
@Configuration
public class TimeConfiguration {

    @Bean
    Clock clock(@Value("${xiaoche.time-zone:Asia/Shanghai}") String zone) {
        try {
            return Clock.system(ZoneId.of(zone.strip()));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("xiaoche.time-zone: '" + zone + "' is not a time zone (e.g. Asia/Shanghai)", e);
        }
    }
}
