package org.xiaoche.web.adoption;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaoche.web.operator.OperatorCompany;
import org.xiaoche.web.operator.OperatorCompanyRepository;
import org.xiaoche.web.plan.OperatorBuses;
import org.xiaoche.web.plan.PlanAudience;
import org.xiaoche.web.plan.Plan;
import org.xiaoche.web.plan.PlanRepository;
import org.xiaoche.web.system.ApiException;
import org.xiaoche.web.system.FieldProblems;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adopting plans and running them: one plan in force per region and day, older ones kept as history;
 * which operator company runs each bus; and what an operator account may see ({@link OperatorBuses}).
 */
@Service
public class AdoptionService implements OperatorBuses {

    /** A term longer than this is taken for a typo (a school year with its summer is 366 days at most). */
    static final int MAX_TERM_DAYS = 366;

    /** What an adoption is asked for as; dates as {@code YYYY-MM-DD}, both days included. */
    public record NewAdoption(Long planId, String termName, String validFrom, String validTo) {
    }

    /** Buses to assign to a company ({@code operatorId} null: leave them unassigned); all buses when {@code busIds} is null. */
    public record BusAssignment(Long operatorId, List<String> busIds) {
    }

    /** A bus of an adopted plan and the company that runs it (null when none yet). */
    public record AssignedBus(String busId, String busType, int seats, int runs, Long operatorId, String operatorName) {
    }

    private final AdoptionRepository adoptions;
    private final PlanRepository plans;
    private final OperatorCompanyRepository companies;
    private final TransactionTemplate transaction;

    public AdoptionService(AdoptionRepository adoptions, PlanRepository plans, OperatorCompanyRepository companies,
                           TransactionTemplate transaction) {
        this.adoptions = adoptions;
        this.plans = plans;
        this.companies = companies;
        this.transaction = transaction;
    }

    public Adoption get(long id) {
        return adoptions.findById(id).orElseThrow(() -> ApiException.notFound("adoption", id));
    }

    public List<Adoption> list(Long regionId) {
        return adoptions.list(regionId);
    }

    /**
     * Adopts a plan for its region and a term, superseding every adoption in force in that region whose
     * term shares a day with this one, in one transaction.
     *
     * @throws ApiException 422 naming each bad field (an unknown plan included); 409 for a plan whose
     *                      rules do not hold or that has no stored plan value
     */
    public Adoption adopt(NewAdoption input, String username) {
        FieldProblems problems = new FieldProblems();
        NewAdoption in = input == null ? new NewAdoption(null, null, null, null) : input;
        Plan plan = null;
        if (in.planId() == null) {
            problems.add("planId", "is required");
        } else {
            plan = plans.findById(in.planId()).orElse(null);
            if (plan == null) {
                problems.add("planId", "plan " + in.planId() + " does not exist");
            }
        }
        String term = problems.text("termName", in.termName(), true, 200);
        LocalDate from = problems.date("validFrom", in.validFrom());
        LocalDate to = problems.date("validTo", in.validTo());
        if (from != null && to != null) {
            if (to.isBefore(from)) {
                problems.add("validTo", "is before validFrom (" + from + ")");
            } else if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_TERM_DAYS) {
                problems.add("validTo", "makes a term of more than " + MAX_TERM_DAYS + " days");
            }
        }
        problems.throwIfAny("the adoption");
        if (!plan.valid()) {
            throw new ApiException(HttpStatus.CONFLICT, "plan " + plan.id() + " breaks the planning rules ("
                    + plan.validatorVerdict() + "); only a plan whose rules hold can be adopted");
        }
        if (plans.findPlanValue(plan.id()).isEmpty()) {
            throw new ApiException(HttpStatus.CONFLICT, "plan " + plan.id() + " was stored before whole plans were kept;"
                    + " plan again and adopt the new plan");
        }
        Plan adopted = plan;
        long id = transaction.execute(status -> {
            adoptions.lockRegion(adopted.regionId());
            List<Adoption> replaced = adoptions.inForceOverlapping(adopted.regionId(), from, to);
            long created = adoptions.insert(adopted.id(), adopted.regionId(), term, from, to, username);
            replaced.forEach(old -> adoptions.supersede(old.id(), created, username));
            return created;
        });
        return get(id);
    }

    /** The buses of an adoption's plan with their companies. */
    public List<AssignedBus> buses(long adoptionId) {
        Adoption adoption = get(adoptionId);
        if (adoption.planId() == null) {
            return List.of();
        }
        Map<String, Long> assigned = adoptions.assignments(adoption.planId());
        Map<Long, String> names = new LinkedHashMap<>();
        companies.listAll().forEach(c -> names.put(c.id(), c.name()));
        Map<String, AssignedBus> byBus = new LinkedHashMap<>();
        plans.runs(adoption.planId()).forEach(r -> byBus.merge(r.busId(), new AssignedBus(r.busId(), r.busType(), r.seats(), 1,
                        assigned.get(r.busId()), names.get(assigned.get(r.busId()))),
                (a, b) -> new AssignedBus(a.busId(), a.busType(), a.seats(), a.runs() + 1, a.operatorId(), a.operatorName())));
        return new ArrayList<>(byBus.values());
    }

    /**
     * Sets which company runs the given buses (all of the plan's when none are named).
     *
     * @throws ApiException 409 when the adoption is no longer in force; 422 for an unknown company or bus
     */
    public List<AssignedBus> assign(long adoptionId, BusAssignment input) {
        Adoption adoption = get(adoptionId);
        if (!adoption.inForce() || adoption.planId() == null) {
            throw new ApiException(HttpStatus.CONFLICT, "adoption " + adoptionId + " was superseded by adoption "
                    + adoption.supersededBy() + "; assign the buses of the plan in force");
        }
        FieldProblems problems = new FieldProblems();
        BusAssignment in = input == null ? new BusAssignment(null, null) : input;
        if (in.operatorId() != null && companies.findById(in.operatorId()).isEmpty()) {
            problems.add("operatorId", "operator company " + in.operatorId() + " does not exist");
        }
        Set<String> planBuses = new java.util.TreeSet<>();
        plans.runs(adoption.planId()).forEach(r -> planBuses.add(r.busId()));
        List<String> buses = in.busIds() == null ? List.copyOf(planBuses) : in.busIds().stream().distinct().toList();
        List<String> unknown = buses.stream().filter(b -> !planBuses.contains(b)).toList();
        if (!unknown.isEmpty()) {
            problems.add("busIds", "plan " + adoption.planId() + " has no bus " + String.join(", ", unknown));
        }
        problems.throwIfAny("the bus assignment");
        transaction.executeWithoutResult(status -> adoptions.assign(adoption.planId(), buses, in.operatorId()));
        return buses(adoptionId);
    }

    /**
     * Ends an adoption in force without a successor (e.g. before its dataset is deleted); the row stays
     * as history with who withdrew it and when.
     *
     * @throws ApiException 409 when it is no longer in force
     */
    public Adoption withdraw(long adoptionId, String username) {
        Adoption adoption = get(adoptionId);
        if (!adoption.inForce()) {
            throw new ApiException(HttpStatus.CONFLICT, "adoption " + adoptionId + " is no longer in force");
        }
        adoptions.withdraw(adoptionId, username);
        return get(adoptionId);
    }

    /** The company of an operator account, when it has one. */
    public java.util.Optional<OperatorCompany> companyOf(String username) {
        return companies.companyOf(username).flatMap(companies::findById);
    }

    /**
     * The adoption, when the caller may see it: operators only those in force with their buses; to
     * them any other is answered as missing, so they learn nothing about other companies' plans.
     *
     * @throws ApiException 404
     */
    public Adoption visibleTo(long id, Authentication auth) {
        Adoption adoption = get(id);
        if (PlanAudience.of(auth) == PlanAudience.OPERATOR && (!adoption.inForce() || adoption.planId() == null
                || !visibleTo(auth.getName()).containsKey(adoption.planId()))) {
            throw ApiException.notFound("adoption", id);
        }
        return adoption;
    }

    @Override
    public Map<Long, Set<String>> visibleTo(String username) {
        return companies.companyOf(username).map(adoptions::busesInForce).orElse(Map.of());
    }

    /**
     * Refuses to change or delete a plan that was ever adopted: adopted plans are the record of what ran.
     *
     * @throws ApiException 409
     */
    public void requireEditable(long planId) {
        if (adoptions.everAdopted(planId)) {
            throw new ApiException(HttpStatus.CONFLICT, "plan " + planId + " is adopted and read-only;"
                    + " plan again (or copy it) and adopt the new plan to replace it");
        }
    }

    /**
     * Refuses to delete a dataset or region whose plan is in force; superseded plans may go with their
     * data (their history rows stay).
     *
     * @throws ApiException 409 naming the adoption
     */
    private static void requireNoneInForce(List<Adoption> inForce, String what) {
        if (!inForce.isEmpty()) {
            Adoption a = inForce.get(0);
            throw new ApiException(HttpStatus.CONFLICT, what + " holds plan " + a.planId() + ", adopted for " + a.termName()
                    + " (" + a.validFrom() + " to " + a.validTo() + ", adoption " + a.id() + "); withdraw that adoption"
                    + " or adopt another plan for the term first");
        }
    }

    public void requireDatasetDeletable(long datasetId) {
        requireNoneInForce(adoptions.inForceInDataset(datasetId), "dataset " + datasetId);
    }

    public void requireRegionDeletable(long regionId) {
        requireNoneInForce(adoptions.inForceInRegion(regionId), "region " + regionId);
    }
}
