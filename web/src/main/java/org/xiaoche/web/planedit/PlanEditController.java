package org.xiaoche.web.planedit;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.xiaoche.routing.plan.edit.PlanChange;
import org.xiaoche.routing.plan.edit.PlanEdit;
import org.xiaoche.routing.plan.edit.PlanEditCodec;
import org.xiaoche.web.audit.AuditLog;
import org.xiaoche.web.plan.Plan;
import org.xiaoche.web.plan.PlanRepository;
import org.xiaoche.web.system.ApiException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Editing a plan by hand (planners only): {@code POST /api/plans/{id}/edits} stores a new version made
 * from plan {@code id} by the edits in the body ({@link PlanEditCodec} JSON) and answers it with its
 * verdict and the readable list of changes; {@code GET …/versions} is the history back to the planned
 * plan; {@code POST …/undo} answers the version the plan was made from. Changes are worded in the
 * caller's language from the bundles ({@code planedit.change.*}); they and the violations name
 * students, so each answer is written to the audit log.
 */
@RestController
@RequestMapping("/api/plans/{id}")
public class PlanEditController {

    /** At most this many versions are listed: a long afternoon of edits. */
    static final int MAX_HISTORY = 500;
    /** Room for {@link PlanEditCodec#MAX_EDITS} edits with long ids. */
    static final int MAX_BODY_CHARS = 200_000;

    /**
     * A version: the plan, both parts of its verdict with the violations, and what its edits changed
     * from its parent (empty for a plan made by planning).
     */
    public record VersionView(long planId, Long parentPlanId, String createdBy, Instant createdAt, boolean valid,
                              String validatorVerdict, List<ViolationView> violations, boolean coverageComplete,
                              String coverageVerdict, int studentsOverCaps, List<String> changes) {
    }

    /** A broken rule as the validator names it: the rule's code (worded by the page), its subject, the detail. */
    public record ViolationView(String rule, String subject, String message) {
    }

    /** The stored form of a violation, {@code rule [subject]: message}. */
    private static final Pattern STORED_VIOLATION = Pattern.compile("([a-z-]+) \\[(.*?)\\]: (.*)");

    private final PlanEditService edits;
    private final PlanVersionRepository versions;
    private final PlanRepository plans;
    private final MessageSource messages;
    private final AuditLog audit;

    public PlanEditController(PlanEditService edits, PlanVersionRepository versions, PlanRepository plans,
                              MessageSource messages, AuditLog audit) {
        this.edits = edits;
        this.versions = versions;
        this.plans = plans;
        this.messages = messages;
        this.audit = audit;
    }

    @PostMapping(value = "/edits", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public VersionView edit(@PathVariable long id, @RequestBody String body, Authentication auth, HttpServletRequest request) {
        if (body.length() > MAX_BODY_CHARS) {
            throw ApiException.coded(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "the edits are longer than " + MAX_BODY_CHARS + " characters");
        }
        List<PlanEdit> list;
        try {
            list = PlanEditCodec.fromJson(body);
        } catch (IllegalArgumentException e) {
            throw ApiException.coded(HttpStatus.BAD_REQUEST, "invalid-edits", e.getMessage());
        }
        if (list.isEmpty()) {
            throw ApiException.coded(HttpStatus.BAD_REQUEST, "invalid-edits", "give at least one edit");
        }
        long created = edits.edit(id, list, auth.getName());
        return audited(view(created), request);
    }

    /** This plan and the versions it was made from, newest first, back to the plan made by planning. */
    @GetMapping("/versions")
    public List<VersionView> history(@PathVariable long id, HttpServletRequest request) {
        find(id);
        List<VersionView> history = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (Long at = id; at != null && seen.add(at) && history.size() < MAX_HISTORY; ) {
            Optional<Plan> plan = plans.findById(at);
            if (plan.isEmpty()) {
                break;
            }
            VersionView v = view(at);
            history.add(v);
            at = v.parentPlanId();
        }
        if (history.stream().anyMatch(PlanEditController::namesStudents)) {
            audit.record(request, AuditLog.Action.READ_STUDENT_IDS, AuditLog.Subject.PLAN, id);
        }
        return history;
    }

    /** Undo: the version this plan was made from (409 for a plan made by planning or whose parent is gone). */
    @PostMapping("/undo")
    public VersionView undo(@PathVariable long id, HttpServletRequest request) {
        find(id);
        Long parent = versions.find(id).map(PlanVersionRepository.Version::parentPlanId).orElse(null);
        if (parent == null || plans.findById(parent).isEmpty()) {
            throw ApiException.coded(HttpStatus.CONFLICT, "nothing-to-undo", "plan " + id + " was not made by an edit of a stored plan");
        }
        return audited(view(parent), request);
    }

    private VersionView view(long planId) {
        Plan p = find(planId);
        Optional<PlanVersionRepository.Version> version = versions.find(planId);
        Locale locale = LocaleContextHolder.getLocale();
        List<String> changes = version.map(v -> edits.changes(v).stream().map(c -> words(c, locale)).toList()).orElse(List.of());
        List<ViolationView> violations = p.violations() == null || p.violations().isBlank() ? List.of()
                : Stream.of(p.violations().split("\n")).map(PlanEditController::violation).toList();
        return new VersionView(p.id(), version.map(PlanVersionRepository.Version::parentPlanId).orElse(null),
                p.createdBy(), p.createdAt(), p.valid(), p.validatorVerdict(), violations, p.coverageComplete(),
                p.coverageVerdict(), p.studentsOverCaps(), changes);
    }

    private static ViolationView violation(String stored) {
        Matcher m = STORED_VIOLATION.matcher(stored);
        return m.matches() ? new ViolationView(m.group(1), m.group(2), m.group(3)) : new ViolationView("", "", stored);
    }

    private String words(PlanChange change, Locale locale) {
        return messages.getMessage("planedit.change." + change.kind().name(), change.args().toArray(), locale);
    }

    private VersionView audited(VersionView view, HttpServletRequest request) {
        if (namesStudents(view)) {
            audit.record(request, AuditLog.Action.READ_STUDENT_IDS, AuditLog.Subject.PLAN, view.planId());
        }
        return view;
    }

    /** Violations name students, and so does a student's move among the changes. */
    private static boolean namesStudents(VersionView view) {
        return !view.violations().isEmpty() || !view.changes().isEmpty();
    }

    private Plan find(long id) {
        return plans.findById(id).orElseThrow(() -> ApiException.notFound("plan", id));
    }
}
