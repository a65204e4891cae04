package org.xiaoche.web.export;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.xiaoche.web.audit.AuditLog;
import org.xiaoche.web.job.JobService;
import org.xiaoche.web.job.JobView;
import org.xiaoche.web.plan.PlanAudience;
import org.xiaoche.web.system.ApiException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Downloads of an adopted plan, per role: operators get the operator edition (their own buses, no
 * student ids, homes or counts, times to the minute) of the formats meant for them, planners every
 * format, viewers no riders or notices. The list names the formats the caller may download and which
 * of them are made as a background job: {@code POST} starts one (any format), and its file is fetched
 * once from {@link ExportFileController}; the small ones may also be had at once with {@code GET}.
 */
@RestController
@RequestMapping("/api/adoptions/{id}/exports")
public class ExportController {

    /** A download the caller may have, with its label in the caller's language; {@code job}: made in the background. */
    public record ExportLink(String format, String label, String href, boolean job) {
    }

    private final ExportRequests requests;
    private final JobService jobs;
    private final AuditLog audit;
    private final MessageSource messages;

    public ExportController(ExportRequests requests, JobService jobs, AuditLog audit, MessageSource messages) {
        this.requests = requests;
        this.jobs = jobs;
        this.audit = audit;
        this.messages = messages;
    }

    @GetMapping
    public List<ExportLink> list(@PathVariable long id, Authentication auth, Locale locale) {
        requests.adoption(id, auth);
        PlanAudience audience = PlanAudience.of(auth);
        return requests.formats().stream().filter(f -> f.audiences().contains(audience))
                .map(f -> new ExportLink(f.id(), messages.getMessage(f.labelKey(), null, f.id(), locale),
                        "/api/adoptions/" + id + "/exports/" + f.id(), f.job())).toList();
    }

    /**
     * A small download, made at once.
     *
     * @throws ApiException 404 for an unknown format or an adoption the caller may not see (or whose
     *                      plan went with its dataset), 403 for a format the caller's role may not have,
     *                      405 for a format made only as a job
     */
    @GetMapping("/{format}")
    public ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable String format, Authentication auth,
                                           Locale locale, HttpServletRequest http, HttpServletResponse response)
            throws IOException {
        ExportFormat chosen = requests.format(format);
        ExportRequest request = requests.of(id, chosen, auth, locale);
        if (chosen.job()) {
            response.setHeader(HttpHeaders.ALLOW, "POST");
            throw new ApiException(HttpStatus.METHOD_NOT_ALLOWED, "export-is-a-job", format + " can take a while and is"
                    + " made as a background job: POST to this address starts it, and its file is then fetched once from"
                    + " /api/export-files/{job}", List.of());
        }
        if (chosen.namesStudents()) {
            audit.record(http, AuditLog.Action.READ_STUDENT_IDS, AuditLog.Subject.PLAN, request.scope().plan().id());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        chosen.write(request, body);
        return ResponseEntity.ok().contentType(chosen.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(chosen.fileName(request), StandardCharsets.UTF_8).build().toString())
                .body(body.toByteArray());
    }

    /**
     * Starts making a download as a background job ({@code export}), checked as a download is; the job's
     * result is the file, which only the caller may fetch, once.
     *
     * @throws ApiException as {@link #download}, but never 405
     */
    @PostMapping("/{format}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public JobView start(@PathVariable long id, @PathVariable String format, Authentication auth, Locale locale) {
        ExportFormat chosen = requests.format(format);
        ExportRequest request = requests.of(id, chosen, auth, locale);
        return JobView.of(jobs.submit(ExportJobStep.KIND, ExportJobStep.params(request, chosen, auth.getName()), auth.getName()));
    }
}
