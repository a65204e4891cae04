package org.xiaoche.web.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xiaoche.routing.plan.PlanBreakdown;
import org.xiaoche.web.audit.AuditLog;
import org.xiaoche.web.system.ApiException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A plan's summary for planners and viewers (counts only: per school, morning rides per grade band,
 * seats per run; the engine's {@link PlanBreakdown}), and for planners the downloadable lists of
 * unserved and cap-infeasible students ({@link StudentLists}, audited). Operators get neither
 * (SecurityConfiguration): the figures cover every company's buses and count students.
 */
@RestController
@RequestMapping("/api/plans/{id}")
public class PlanSummaryController {

    /** One school's figures (the total row has no id); rides in whole seconds, null when nobody rides. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SchoolRow(String schoolId, String schoolName, Integer students, Integer walkers, int needingTransport,
                            int served, int capInfeasible, int unserved, int buses, Long rideP50_s, Long rideP90_s,
                            Long rideMax_s) {

        static SchoolRow of(PlanBreakdown.SchoolFigures f) {
            return new SchoolRow(f.schoolId(), f.schoolName(), f.students(), f.walkers(), f.needingTransport(), f.served(),
                    f.capInfeasible(), f.unserved(), f.buses(), seconds(f.rideP50_s()), seconds(f.rideP90_s()),
                    seconds(f.rideMax_s()));
        }
    }

    /** A run's students against its seats. */
    public record RunRow(String runId, String busId, String schoolId, String direction, int students, int seats) {
    }

    /** A download of one list in one format, labelled in the caller's language. */
    public record ListLink(String list, String format, String label, String href) {
    }

    /**
     * The summary; {@code studentsRecorded} is false for plans stored before their eligibility was kept
     * (students and walkers unknown). {@code lists} is empty for viewers.
     */
    public record Summary(long planId, boolean studentsRecorded, List<SchoolRow> schools, SchoolRow total, int binWidth_s,
                          List<PlanBreakdown.RideHistogram> rideHistograms, List<RunRow> runs, List<ListLink> lists) {
    }

    private final PlanRepository plans;
    private final PlanScopes scopes;
    private final StudentLists lists;
    private final AuditLog audit;
    private final MessageSource messages;

    public PlanSummaryController(PlanRepository plans, PlanScopes scopes, StudentLists lists, AuditLog audit,
                                 MessageSource messages) {
        this.plans = plans;
        this.scopes = scopes;
        this.lists = lists;
        this.audit = audit;
        this.messages = messages;
    }

    @GetMapping("/summary")
    public Summary summary(@PathVariable long id, Authentication auth, Locale locale) {
        PlanScope scope = scopes.of(id, auth);
        var eligibility = plans.schoolEligibility(id);
        PlanBreakdown b = PlanBreakdown.of(value(id), eligibility);
        List<ListLink> links = new ArrayList<>();
        if (scope.audience().seesStudentIds()) {
            for (StudentLists.Kind kind : StudentLists.Kind.values()) {
                for (StudentLists.Format format : StudentLists.Format.values()) {
                    links.add(new ListLink(kind.code(), format.code(), messages.getMessage("planLists.link",
                            new Object[]{lists.title(kind, locale), format.name()}, locale),
                            "/api/plans/" + id + "/lists/" + kind.code() + "?format=" + format.code()));
                }
            }
        }
        return new Summary(id, !eligibility.isEmpty(), b.schools().stream().map(SchoolRow::of).toList(), SchoolRow.of(b.total()),
                b.binWidth_s(), b.rideHistograms(), b.runs().stream().map(r -> new RunRow(r.runId(), r.busId(), r.schoolId(),
                r.direction().name(), r.students(), r.seats())).toList(), links);
    }

    /** One list as CSV or XLSX (planners only; audited, the list names students). */
    @GetMapping("/lists/{list}")
    public ResponseEntity<byte[]> list(@PathVariable long id, @PathVariable String list,
                                       @RequestParam(defaultValue = "csv") String format, Authentication auth,
                                       Locale locale, HttpServletRequest request) throws IOException {
        scopes.of(id, auth);
        StudentLists.Kind kind = StudentLists.Kind.of(list)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "no student list " + list));
        StudentLists.Format chosen = StudentLists.Format.of(format)
                .orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST, "format must be csv or xlsx"));
        var plan = value(id);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        lists.write(plan, kind, chosen, locale, body);
        audit.record(request, AuditLog.Action.READ_STUDENT_IDS, AuditLog.Subject.PLAN, id);
        MediaType type = chosen == StudentLists.Format.CSV ? new MediaType("text", "csv", StandardCharsets.UTF_8)
                : MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        String fileName = (lists.title(kind, locale) + "-" + id + "." + chosen.code()).replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString()).body(body.toByteArray());
    }

    private org.xiaoche.routing.plan.Plan value(long id) {
        return plans.findPlanValue(id).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
                "plan " + id + " was stored before plans kept their value; plan it again for a summary"));
    }

    private static Long seconds(double value_s) {
        return Double.isFinite(value_s) ? Math.round(value_s) : null;
    }
}
