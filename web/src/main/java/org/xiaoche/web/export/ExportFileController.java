package org.xiaoche.web.export;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.xiaoche.web.audit.AuditLog;
import org.xiaoche.web.job.Job;
import org.xiaoche.web.job.JobRefusedException;
import org.xiaoche.web.job.JobRepository;
import org.xiaoche.web.job.JobState;
import org.xiaoche.web.system.ApiException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;

/**
 * The file an export job made, to the user who asked for it and to nobody else, once: taken for the
 * download and deleted when it ends. The caller's rights are checked again as for a download (a plan no
 * longer visible is 404), and the file must hold what the caller may see now.
 */
@RestController
public class ExportFileController {

    private final JobRepository jobs;
    private final ExportRequests requests;
    private final ExportFiles files;
    private final ExportFileSettings settings;
    private final AuditLog audit;

    public ExportFileController(JobRepository jobs, ExportRequests requests, ExportFiles files, ExportFileSettings settings,
                                AuditLog audit) {
        this.jobs = jobs;
        this.requests = requests;
        this.files = files;
        this.settings = settings;
        this.audit = audit;
    }

    /**
     * @throws ApiException 404 for a job that is not the caller's export; 409 while it has not succeeded, or
     *                      when what the caller may see changed since; 410 once downloaded or expired
     */
    @GetMapping("/api/export-files/{jobId}")
    public void download(@PathVariable long jobId, Authentication auth, HttpServletRequest http, HttpServletResponse response)
            throws IOException {
        Job job = jobs.findById(jobId).filter(j -> j.kind().equals(ExportJobStep.KIND) && auth.getName().equals(j.createdBy()))
                .orElseThrow(() -> ApiException.notFound("export file", jobId));
        if (job.state() != JobState.SUCCEEDED) {
            throw new ApiException(HttpStatus.CONFLICT, "export-not-ready", "export job " + jobId + " is " + job.state().code()
                    + "; its file comes when it has succeeded", List.of());
        }
        ExportFormat format = requests.format(job.params().get("format"));
        ExportRequest request = requests.of(Long.parseLong(job.params().get("adoptionId")), format, auth,
                Locale.forLanguageTag(job.params().get("lang")));
        try {
            ExportJobStep.requireSameScope(request, job.params().get("scope"));
        } catch (JobRefusedException e) {
            files.discard(job.worker(), jobId);
            throw new ApiException(HttpStatus.CONFLICT, "export-scope-changed", e.getMessage(), List.of());
        }
        try (ExportFiles.Taken taken = files.take(job.worker(), jobId).orElseThrow(() -> new ApiException(HttpStatus.GONE,
                "export job " + jobId + "'s file was downloaded already or deleted " + settings.keepFor().toMinutes()
                        + " minutes after it was made; start the export again"))) {
            if (format.namesStudents()) {
                audit.record(http, AuditLog.Action.READ_STUDENT_IDS, AuditLog.Subject.PLAN, request.scope().plan().id());
            }
            response.setContentType(format.mediaType().toString());
            response.setContentLengthLong(Files.size(taken.file()));
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                    .filename(taken.name(), StandardCharsets.UTF_8).build().toString());
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            Files.copy(taken.file(), response.getOutputStream());
        }
    }
}
