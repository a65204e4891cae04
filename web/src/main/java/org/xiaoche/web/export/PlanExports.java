package org.xiaoche.web.export;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.xiaoche.routing.export.edition.ExportEdition;
import org.xiaoche.routing.export.edition.ExportLanguage;
import org.xiaoche.routing.export.edition.Operator;
import org.xiaoche.routing.export.edition.OperatorAssignment;
import org.xiaoche.routing.export.edition.PlanExportRequest;
import org.xiaoche.routing.export.edition.RunShapes;
import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.plan.Plan;
import org.xiaoche.web.adoption.AdoptionRepository;
import org.xiaoche.web.operator.OperatorCompany;
import org.xiaoche.web.operator.OperatorCompanyRepository;
import org.xiaoche.web.plan.PlanRepository;
import org.xiaoche.web.system.ApiException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The engine's export input ({@link PlanExportRequest}) for a download: the stored plan value, the
 * edition (operators: the operator edition of their company's buses only), the language, the
 * companies running the buses as the feed's agencies, and the road lines stored with the runs.
 */
@Component
class PlanExports {

    private final PlanRepository plans;
    private final AdoptionRepository adoptions;
    private final OperatorCompanyRepository companies;

    PlanExports(PlanRepository plans, AdoptionRepository adoptions, OperatorCompanyRepository companies) {
        this.plans = plans;
        this.adoptions = adoptions;
        this.companies = companies;
    }

    /** The stored plan value of the download's plan. */
    Plan plan(ExportRequest request) {
        long planId = request.scope().plan().id();
        return plans.findPlanValue(planId).orElseThrow(() -> new ApiException(HttpStatus.CONFLICT,
                "plan " + planId + " was stored before whole plans were kept; it has no exports"));
    }

    /**
     * @throws ApiException 409 when a company running one of the buses has no web address (GTFS and
     *                      the timetables name each company with its address)
     */
    PlanExportRequest request(ExportRequest request) {
        long planId = request.scope().plan().id();
        Map<String, Long> companyOfBus = adoptions.assignments(planId);
        Map<Long, Operator> operators = new HashMap<>();
        Map<String, Operator> byBus = new TreeMap<>();
        companyOfBus.forEach((bus, companyId) -> byBus.put(bus, operators.computeIfAbsent(companyId, this::operator)));
        Map<String, List<LonLat>> lines = new TreeMap<>();
        plans.runs(planId).forEach(r -> lines.put(r.runId(), r.line()));
        PlanExportRequest engine = new PlanExportRequest(plan(request),
                request.operatorEdition() ? ExportEdition.OPERATOR : ExportEdition.PLANNER,
                ExportLanguage.parse(request.language()), new OperatorAssignment(byBus, Operator.DEFAULT),
                RunShapes.of(lines), null);
        if (!request.operatorEdition()) {
            return engine;
        }
        // Operators: the buses of their own company, which are exactly the scope's buses.
        long company = companyOfBus.get(request.scope().buses().iterator().next());
        return engine.onlyOperator(operatorId(company));
    }

    private Operator operator(long companyId) {
        OperatorCompany company = companies.findById(companyId).orElseThrow();
        if (company.url() == null) {
            throw new ApiException(HttpStatus.CONFLICT, "operator company " + company.name() + " (" + companyId
                    + ") has no web address; the exports name each company with one: set its url");
        }
        return new Operator(operatorId(companyId), company.name(), company.url(), company.phone());
    }

    private static String operatorId(long companyId) {
        return "operator-" + companyId;
    }
}
