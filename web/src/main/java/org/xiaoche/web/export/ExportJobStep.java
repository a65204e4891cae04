package org.xiaoche.web.export;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.xiaoche.web.account.UserAccount;
import org.xiaoche.web.account.UserAccountRepository;
import org.xiaoche.web.job.JobContext;
import org.xiaoche.web.job.JobRefusedException;
import org.xiaoche.web.job.JobResult;
import org.xiaoche.web.job.JobStep;
import org.xiaoche.web.system.ApiException;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Job {@code export}: writes one download of an adopted plan (a PDF of every bus can take seconds) to a
 * file ({@link ExportFiles}) for the user who asked, with that user's rights as they are when it runs:
 * what the user may see must still be what it was when asked, or the job refuses. Its result is the
 * file ({@value #RESULT_TYPE}, the job's own id), fetched once from {@link ExportFileController}.
 */
@Component
class ExportJobStep implements JobStep {

    static final String KIND = "export";
    static final String RESULT_TYPE = "export-file";

    private final ExportRequests requests;
    private final ExportFiles files;
    private final UserAccountRepository users;

    ExportJobStep(ExportRequests requests, ExportFiles files, UserAccountRepository users) {
        this.requests = requests;
        this.files = files;
        this.users = users;
    }

    /** The job's parameters for a download asked for by {@code username}. */
    static Map<String, String> params(ExportRequest request, ExportFormat format, String username) {
        return Map.of("adoptionId", Long.toString(request.adoption().id()), "format", format.id(), "lang", request.language(),
                "requestedBy", username, "scope", ExportRequests.scopeKey(request.scope()));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public JobResult run(JobContext context) throws Exception {
        ExportRequest request;
        ExportFormat format;
        try {
            Authentication asker = asker(context.param("requestedBy"));
            format = requests.format(context.param("format"));
            request = requests.of(context.longParam("adoptionId"), format, asker, Locale.forLanguageTag(context.param("lang")));
        } catch (ApiException e) {
            // Our own words (a plan no longer visible, a role that lost the format): the asker may read them.
            throw new JobRefusedException(e.getMessage(), e.problems());
        }
        requireSameScope(request, context.param("scope"));
        ExportFormat chosen = format;
        ExportRequest asked = request;
        files.write(context.jobId(), chosen.fileName(asked), out -> chosen.write(asked, out, context.progress()));
        return new JobResult(RESULT_TYPE, context.jobId());
    }

    /**
     * Refuses when what the asker may see of the plan changed since asking (another role, other buses of
     * the company): the file must hold what its download will be checked against.
     */
    static void requireSameScope(ExportRequest request, String asked) {
        if (!ExportRequests.scopeKey(request.scope()).equals(asked)) {
            throw new JobRefusedException("what you may see of this plan changed since the export was asked for (your role"
                    + " or your company's buses); start the export again", List.of());
        }
    }

    /** The asking user as the service sees them now: their role as it is, refused when disabled or deleted. */
    private Authentication asker(String username) {
        UserAccount account = users.findByUsername(username).filter(UserAccount::enabled).orElseThrow(() ->
                new JobRefusedException("the account that asked for this export is disabled or deleted", List.of()));
        return UsernamePasswordAuthenticationToken.authenticated(username, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + account.role().name())));
    }
}
