package org.xiaoche.web.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/**
 * The largest uploads the service accepts, under {@code xiaoche.upload.*}; larger ones are answered
 * 413 with a JSON error body. {@code spring.servlet.multipart.max-*} follow {@code osmMaxSize}.
 *
 * @param osmMaxSize    an OSM extract ({@code POST /api/regions}), 500 MB unless set
 * @param rosterMaxSize schools and students, fleet and policy files ({@code POST /api/regions/{id}/datasets},
 *                      {@code POST /api/plans}), 50 MB unless set
 */
@ConfigurationProperties("xiaoche.upload")
public record UploadLimits(DataSize osmMaxSize, DataSize rosterMaxSize) {

    public UploadLimits {
        osmMaxSize = osmMaxSize == null ? DataSize.ofMegabytes(500) : osmMaxSize;
        rosterMaxSize = rosterMaxSize == null ? DataSize.ofMegabytes(50) : rosterMaxSize;
    }

    /**
     * Refuses roster, fleet or policy parts over {@code rosterMaxSize}: a request of declared length is
     * refused before it is read, this catches chunked ones.
     *
     * @throws ApiException 413
     */
    public void checkRosterParts(MultipartFile... parts) {
        for (MultipartFile part : parts) {
            if (part != null && part.getSize() > rosterMaxSize.toBytes()) {
                throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "the upload is larger than the "
                        + describe(rosterMaxSize.toBytes()) + " this endpoint accepts");
            }
        }
    }

    /** {@code 50 MB}, {@code 4 KB}: a limit as people read it. */
    public static String describe(long bytes) {
        return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MB" : bytes >= 1024 ? bytes / 1024 + " KB" : bytes + " bytes";
    }
}
