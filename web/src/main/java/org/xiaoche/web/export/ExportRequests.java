package org.xiaoche.web.export;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.xiaoche.web.adoption.Adoption;
import org.xiaoche.web.adoption.AdoptionService;
import org.xiaoche.web.plan.PlanAudience;
import org.xiaoche.web.plan.PlanScope;
import org.xiaoche.web.plan.PlanScopes;
import org.xiaoche.web.system.ApiException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The one place that decides what download a caller gets: the format, whether the caller's role may have
 * it, and the adoption's plan as the caller sees it. Asked again by an export job when it runs and by its
 * file's download, so a right taken away meanwhile is a right gone.
 */
@Component
class ExportRequests {

    private final List<ExportFormat> formats;
    private final AdoptionService adoptions;
    private final PlanScopes scopes;

    ExportRequests(List<ExportFormat> formats, AdoptionService adoptions, PlanScopes scopes) {
        this.formats = formats.stream().sorted(Comparator.comparing(ExportFormat::id)).toList();
        this.adoptions = adoptions;
        this.scopes = scopes;
    }

    List<ExportFormat> formats() {
        return formats;
    }

    /** @throws ApiException 404 for an unknown format */
    ExportFormat format(String id) {
        return formats.stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "no export format " + id));
    }

    /** @throws ApiException 404 for an adoption the caller may not see */
    Adoption adoption(long adoptionId, Authentication auth) {
        return adoptions.visibleTo(adoptionId, auth);
    }

    /**
     * The download of {@code format} of adoption {@code adoptionId} for the caller.
     *
     * @throws ApiException 404 for an adoption the caller may not see (or whose plan went with its dataset),
     *                      403 for a format the caller's role may not have
     */
    ExportRequest of(long adoptionId, ExportFormat format, Authentication auth, Locale locale) {
        Adoption adoption = adoption(adoptionId, auth);
        if (!format.audiences().contains(PlanAudience.of(auth))) {
            throw new ApiException(HttpStatus.FORBIDDEN, "your role may not download " + format.id());
        }
        if (adoption.planId() == null) {
            throw new ApiException(HttpStatus.NOT_FOUND, "the plan of adoption " + adoptionId + " was deleted with its dataset");
        }
        return new ExportRequest(adoption, scopes.of(adoption.planId(), auth), locale);
    }

    /**
     * What of the plan a download holds, as a short key: the audience and, for an operator, a digest of
     * its buses. A file made for one key is never handed out under another.
     */
    static String scopeKey(PlanScope scope) {
        String audience = scope.audience().name().toLowerCase(Locale.ROOT);
        if (scope.all()) {
            return audience + ":all";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", new TreeSet<>(scope.buses())).getBytes(StandardCharsets.UTF_8));
            return audience + ":" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
