package org.xiaoche.web.export;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Files made by export jobs, under {@code xiaoche.exports.*}.
 *
 * @param keepFor how long a finished file waits for its one download before it is deleted (30 minutes
 *                unless set): rider lists and notices name students, and no file should linger
 */
@ConfigurationProperties("xiaoche.exports")
public record ExportFileSettings(Duration keepFor) {

    public ExportFileSettings {
        keepFor = keepFor == null ? Duration.ofMinutes(30) : keepFor;
        if (keepFor.isNegative() || keepFor.isZero()) {
            throw new IllegalArgumentException("xiaoche.exports.keep-for must be positive, got " + keepFor);
        }
    }
}
