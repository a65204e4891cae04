package org.xiaoche.web.export;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.xiaoche.web.adoption.Adoption;
import org.xiaoche.web.adoption.AdoptionService;
import org.xiaoche.web.plan.PlanAudience;
import org.xiaoche.web.plan.PlanScopes;
import org.xiaoche.web.system.ApiException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Downloads of an adopted plan, per role: operators get the operator edition (their own buses, no
 * student ids, homes or counts, times to the minute) of the formats meant for them, planners every
 * format, viewers no riders or notices. The list names the formats the caller may download.
 */
@RestController
@RequestMapping("/api/adoptions/{id}/exports")
public class ExportController {

    /** A download the caller may have, with its label in the caller's language. */
    public record ExportLink(String format, String label, String href) {
    }

    private final List<ExportFormat> formats;
    private final AdoptionService adoptions;
    private final PlanScopes scopes;
    private final MessageSource messages;

    public ExportController(List<ExportFormat> formats, AdoptionService adoptions, PlanScopes scopes, MessageSource messages) {
        this.formats = formats.stream().sorted(Comparator.comparing(ExportFormat::id)).toList();
        this.adoptions = adoptions;
        this.scopes = scopes;
        this.messages = messages;
    }

    @GetMapping
    public List<ExportLink> list(@PathVariable long id, Authentication auth, Locale locale) {
        adoptions.visibleTo(id, auth);
        PlanAudience audience = PlanAudience.of(auth);
        return formats.stream().filter(f -> f.audiences().contains(audience))
                .map(f -> new ExportLink(f.id(), messages.getMessage(f.labelKey(), null, f.id(), locale),
                        "/api/adoptions/" + id + "/exports/" + f.id())).toList();
    }

    /**
     * @throws ApiException 404 for an unknown format or an adoption the caller may not see (or whose
     *                      plan went with its dataset), 403 for a format the caller's role may not have
     */
    @GetMapping("/{format}")
    public ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable String format, Authentication auth,
                                           Locale locale) throws IOException {
        Adoption adoption = adoptions.visibleTo(id, auth);
        ExportFormat chosen = formats.stream().filter(f -> f.id().equals(format)).findFirst()
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "no export format " + format));
        if (!chosen.audiences().contains(PlanAudience.of(auth))) {
            throw new ApiException(HttpStatus.FORBIDDEN, "your role may not download " + format);
        }
        if (adoption.planId() == null) {
            throw new ApiException(HttpStatus.NOT_FOUND, "the plan of adoption " + id + " was deleted with its dataset");
        }
        ExportRequest request = new ExportRequest(adoption, scopes.of(adoption.planId(), auth), locale);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        chosen.write(request, body);
        return ResponseEntity.ok().contentType(chosen.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(chosen.fileName(request), StandardCharsets.UTF_8).build().toString())
                .body(body.toByteArray());
    }
}
