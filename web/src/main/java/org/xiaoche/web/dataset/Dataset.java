package org.xiaoche.web.dataset;

import java.time.Instant;

/** One accepted upload of schools and students for a region. */
public record Dataset(long id, long regionId, String name, String coordinateSystem, String schoolsFile,
                      String studentsFile, int schoolCount, int studentCount, String createdBy, Instant createdAt) {
}
