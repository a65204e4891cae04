package org.xiaoche.web.job;

import org.junit.jupiter.api.Test;
import org.xiaoche.routing.network.NetworkImportException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What users read of a failed job: a bad OSM file's own reason without folders; nothing else of the exception. */
class JobFailuresTest {

    @Test
    void aBadOsmFileShowsItsReasonWithFoldersLeftOut() {
        var e = new IllegalStateException("wrapped", new NetworkImportException(
                "cannot import OSM file /srv/xiaoche/data/uploads/4f2a-cut.osm.pbf: the file is truncated (block 1)"));
        String message = JobFailures.userMessage(7, "import road network", e);
        assertEquals("cannot import OSM file 4f2a-cut.osm.pbf: the file is truncated (block 1)", message);
        assertEquals("OSM file not found: x.osm", JobFailures.withoutFolders("OSM file not found: C:\\data\\in\\x.osm"));
    }

    @Test
    void anythingElseShowsTheStageAndAGenericReasonOnly() {
        var e = new RuntimeException("duplicate key (student_id)=(P000123) at /srv/xiaoche/data");
        String message = JobFailures.userMessage(7, "store plan", e);
        assertTrue(message.startsWith("failed during store plan: internal error"), message);
        assertFalse(message.contains("P000123") || message.contains("/srv"), message);
    }

    @Test
    void aRefusedInputShowsItsOwnMessageWhereverItIsWrapped() {
        var refused = new JobRefusedException("students.csv was rejected, nothing was imported: 2 problems",
                java.util.List.of(new org.xiaoche.web.system.ApiError.Problem("students.csv", 3, "grade", "'x' is not a whole number")));
        var e = new java.util.concurrent.CompletionException(refused);
        assertEquals("students.csv was rejected, nothing was imported: 2 problems", JobFailures.userMessage(7, "read and store students", e));
        assertEquals(refused, JobFailures.refusal(e));
        assertEquals(null, JobFailures.refusal(new RuntimeException("x")));
    }
}
