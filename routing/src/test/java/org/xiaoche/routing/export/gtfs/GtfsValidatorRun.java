package org.xiaoche.routing.export.gtfs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.mobilitydata.gtfsvalidator.input.CountryCode;
import org.mobilitydata.gtfsvalidator.runner.ApplicationType;
import org.mobilitydata.gtfsvalidator.runner.ValidationRunner;
import org.mobilitydata.gtfsvalidator.runner.ValidationRunnerConfig;
import org.mobilitydata.gtfsvalidator.util.VersionResolver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Runs the MobilityData GTFS validator (6.0.0) on a feed file and reads its report.json. */
final class GtfsValidatorRun {

    /** One kind of notice of the report: code, severity (ERROR, WARNING, INFO), how many, and samples. */
    record Notice(String code, String severity, int total, String samples) {
    }

    private GtfsValidatorRun() {
    }

    /** The report's notices; {@code date} is the day the feed is validated for (the feed's term must cover it). */
    static List<Notice> validate(Path feed, Path outDir, LocalDate date) throws IOException {
        ValidationRunnerConfig config = ValidationRunnerConfig.builder().setGtfsSource(feed.toUri()).setOutputDirectory(outDir)
                .setCountryCode(CountryCode.forStringOrUnknown("CN")).setDateForValidation(date).setNumThreads(1)
                .setSkipValidatorUpdate(true).build();
        new ValidationRunner(new VersionResolver(ApplicationType.CLI)).run(config);
        Path systemErrors = outDir.resolve("system_errors.json");
        JsonNode report = new ObjectMapper().readTree(outDir.resolve("report.json").toFile());
        List<Notice> notices = new ArrayList<>();
        for (JsonNode n : report.path("notices")) {
            notices.add(new Notice(n.path("code").asText(), n.path("severity").asText(), n.path("totalNotices").asInt(),
                    n.path("sampleNotices").toString()));
        }
        if (Files.exists(systemErrors)) {
            for (JsonNode n : new ObjectMapper().readTree(systemErrors.toFile()).path("notices")) {
                notices.add(new Notice("system:" + n.path("code").asText(), "ERROR", n.path("totalNotices").asInt(),
                        n.path("sampleNotices").toString()));
            }
        }
        return notices;
    }
}
