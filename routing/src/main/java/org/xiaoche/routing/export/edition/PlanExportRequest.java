package org.xiaoche.routing.export.edition;

import org.xiaoche.routing.plan.Plan;
import org.xiaoche.routing.timetable.Bus;

import java.util.List;

/**
 * Everything an export of a plan takes: the plan value, who it is for, the language, which
 * operator runs which bus, and the road line of each run.
 *
 * @param onlyOperatorId when not null, only the buses of this operator are exported (an operator sees its own buses)
 */
public record PlanExportRequest(Plan plan, ExportEdition edition, ExportLanguage language, OperatorAssignment operators,
                                RunShapes shapes, String onlyOperatorId) {

    public PlanExportRequest {
        if (plan == null || edition == null || language == null || operators == null || shapes == null) {
            throw new IllegalArgumentException("an export needs a plan, an edition, a language, operators and shapes");
        }
    }

    /** The operator edition in Chinese, every bus run by {@link Operator#DEFAULT}, runs drawn straight. */
    public static PlanExportRequest operatorEdition(Plan plan) {
        return new PlanExportRequest(plan, ExportEdition.OPERATOR, ExportLanguage.ZH,
                OperatorAssignment.single(Operator.DEFAULT), RunShapes.none(), null);
    }

    public PlanExportRequest withEdition(ExportEdition newEdition) {
        return new PlanExportRequest(plan, newEdition, language, operators, shapes, onlyOperatorId);
    }

    public PlanExportRequest withLanguage(ExportLanguage newLanguage) {
        return new PlanExportRequest(plan, edition, newLanguage, operators, shapes, onlyOperatorId);
    }

    public PlanExportRequest withOperators(OperatorAssignment newOperators) {
        return new PlanExportRequest(plan, edition, language, newOperators, shapes, onlyOperatorId);
    }

    public PlanExportRequest withShapes(RunShapes newShapes) {
        return new PlanExportRequest(plan, edition, language, operators, newShapes, onlyOperatorId);
    }

    /** Only the buses that {@code operatorId} runs. */
    public PlanExportRequest onlyOperator(String operatorId) {
        return new PlanExportRequest(plan, edition, language, operators, shapes, operatorId);
    }

    /** The buses exported, in plan order. */
    public List<Bus> buses() {
        return onlyOperatorId == null ? plan.buses()
                : plan.buses().stream().filter(b -> operators.operatorOf(b.busId()).id().equals(onlyOperatorId)).toList();
    }

    /** The timetable as published: count-free, to the minute (see {@link PublishedTimetable}). */
    public PublishedTimetable published() {
        return PublishedTimetable.of(plan, buses());
    }

    /** The operator edition refuses what only planners may see. */
    public void requirePlanner(String what) {
        if (edition != ExportEdition.PLANNER) {
            throw new IllegalArgumentException(what + " carry student ids: planner edition only");
        }
    }
}
