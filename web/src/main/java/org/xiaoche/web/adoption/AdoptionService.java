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

import java.time.Clock;
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

    /**
     * Which companies run which buses, in one of two forms: the buses {@code busIds} (all buses when null) to
     * the company {@code operatorId} (null: leave them unassigned); or {@code operatorIdByBus}, each bus named
     * to its company (null: unassigned), as the page's table saves it, all in one transaction.
     */
    public record BusAssignment(Long operatorId, List<String> busIds, Map<String, Long> operatorIdByBus) {
        public BusAssignment(Long operatorId, List<String> busIds) {
            this(operatorId, busIds, null);
        }
    }

    /** A bus of an adopted plan and the company that runs it (null when none yet). */
    public record AssignedBus(String busId, String busType, int seats, int runs, Long operatorId, String operatorName) {
    }

    private final AdoptionRepository adoptions;
    private final PlanRepository plans;
    private final OperatorCompanyRepository companies;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public AdoptionService(AdoptionRepository adoptions, PlanRepository plans, OperatorCompanyRepository companies,
                           TransactionTemplate transaction, Clock clock) {
        this.adoptions = adoptions;
        this.plans = plans;
        this.companies = companies;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The day by the service's clock, which decides each adoption's {@link Adoption.State}. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Adoption get(long id) {
        return adoptions.findById(id).orElseThrow(() -> ApiException.notFound("adoption", id));
    }

    public List<Adoption> list(Long regionId) {
        return adoptions.list(regionId);
    }

    /**
     * Adopts a plan for its region and a term, superseding every current adoption in that region whose
     * term shares a day with this one, in one transaction.
     *
     * @throws ApiException 422 naming each bad field (an unknown plan, a term already over included); 409
     *                      for a plan whose rules do not hold or that has no stored plan value
     */
    public Adoption adopt(NewAdoption input, String username) {
        FieldProblems problems = new FieldProblems();
        NewAdoption in = input == null ? new NewAdoption(null, null, null, null) : input;
        Plan plan = null;
        if (in.planId() == null) {
            problems.add("planId", "is required", "required");
        } else {
            plan = plans.findById(in.planId()).orElse(null);
            if (plan == null) {
                problems.add("planId", "plan " + in.planId() + " does not exist", "unknown-plan", in.planId());
            }
        }
        String term = problems.text("termName", in.termName(), true, 200);
        LocalDate from = problems.date("validFrom", in.validFrom());
        LocalDate to = problems.date("validTo", in.validTo());
        LocalDate today = today();
        if (from != null && to != null) {
            if (to.isBefore(from)) {
                problems.add("validTo", "is before validFrom (" + from + ")", "term-ends-before-start", to, from);
            } else if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_TERM_DAYS) {
                problems.add("validTo", "makes a term of more than " + MAX_TERM_DAYS + " days", "term-too-long",
                        MAX_TERM_DAYS, from, to);
            } else if (to.isBefore(today)) {
                // A term already over would be history at once: most likely a mistyped year.
                problems.add("validTo", "has passed (today is " + today + "); a term that has ended cannot be adopted",
                        "term-has-ended", to, today);
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
            List<Adoption> replaced = adoptions.currentOverlapping(adopted.regionId(), from, to, today);
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
     * Sets which company runs the given buses (all of the plan's when none are named), or each bus's
     * company as {@link BusAssignment#operatorIdByBus()} names it.
     *
     * @throws ApiException 409 when the adoption is no longer current; 422 for an unknown company or bus, or
     *                      both forms at once
     */
    public List<AssignedBus> assign(long adoptionId, BusAssignment input) {
        Adoption adoption = requireCurrent(adoptionId, "assign the buses of the plan in force");
        FieldProblems problems = new FieldProblems();
        BusAssignment in = input == null ? new BusAssignment(null, null) : input;
        Set<String> planBuses = new java.util.TreeSet<>();
        plans.runs(adoption.planId()).forEach(r -> planBuses.add(r.busId()));
        Map<String, Long> companyOfBus = new java.util.TreeMap<>();
        String busField;
        if (in.operatorIdByBus() != null) {
            busField = "operatorIdByBus";
            if (in.operatorId() != null || in.busIds() != null) {
                problems.add(busField, "is given with operatorId or busIds; give one form only", "assignment-both-forms");
            }
            in.operatorIdByBus().forEach(companyOfBus::put);
        } else {
            busField = "busIds";
            List<String> buses = in.busIds() == null ? List.copyOf(planBuses) : in.busIds();
            buses.forEach(bus -> companyOfBus.put(bus, in.operatorId()));
        }
        List<String> unknownBuses = companyOfBus.keySet().stream().filter(b -> !planBuses.contains(b)).toList();
        if (!unknownBuses.isEmpty()) {
            problems.add(busField, "plan " + adoption.planId() + " has no bus " + String.join(", ", unknownBuses),
                    "unknown-bus", String.join(", ", unknownBuses));
        }
        Set<Long> companyIds = new java.util.TreeSet<>();
        companyOfBus.values().stream().filter(java.util.Objects::nonNull).forEach(companyIds::add);
        for (long companyId : companyIds) {
            if (companies.findById(companyId).isEmpty()) {
                problems.add(in.operatorIdByBus() != null ? busField : "operatorId", "operator company " + companyId
                        + " does not exist", "unknown-operator-company", companyId);
            }
        }
        problems.throwIfAny("the bus assignment");
        Map<Long, List<String>> busesOfCompany = new LinkedHashMap<>();
        List<String> unassigned = new ArrayList<>();
        companyOfBus.forEach((bus, company) -> {
            if (company == null) {
                unassigned.add(bus);
            } else {
                busesOfCompany.computeIfAbsent(company, k -> new ArrayList<>()).add(bus);
            }
        });
        transaction.executeWithoutResult(status -> {
            adoptions.assign(adoption.planId(), unassigned, null);
            busesOfCompany.forEach((company, buses) -> adoptions.assign(adoption.planId(), buses, company));
        });
        return buses(adoptionId);
    }

    /**
     * Ends a current adoption without a successor (e.g. before its dataset is deleted); the row stays
     * as history with who withdrew it and when.
     *
     * @throws ApiException 409 when it is no longer current
     */
    public Adoption withdraw(long adoptionId, String username) {
        requireCurrent(adoptionId, "only a current adoption can be withdrawn");
        adoptions.withdraw(adoptionId, username);
        return get(adoptionId);
    }

    /**
     * The adoption, when it is current (in force or upcoming) and still has its plan.
     *
     * @throws ApiException 404; 409 (code {@code adoption-not-current}) naming its state and what to do instead
     */
    private Adoption requireCurrent(long adoptionId, String instead) {
        Adoption adoption = get(adoptionId);
        Adoption.State state = adoption.state(today());
        if (!state.current() || adoption.planId() == null) {
            String why = switch (state) {
                case SUPERSEDED -> "was superseded by adoption " + adoption.supersededBy();
                case WITHDRAWN -> "was withdrawn";
                case EXPIRED -> "has expired: its term ended on " + adoption.validTo();
                default -> "has no plan any more";
            };
            throw new ApiException(HttpStatus.CONFLICT, "adoption-not-current", "adoption " + adoptionId + " " + why
                    + "; " + instead, List.of());
        }
        return adoption;
    }

    /** The company of an operator account, when it has one. */
    public java.util.Optional<OperatorCompany> companyOf(String username) {
        return companies.companyOf(username).flatMap(companies::findById);
    }

    /**
     * The adoption, when the caller may see it: operators only current ones (in force or upcoming) with
     * their buses; to them any other is answered as missing, so they learn nothing about other companies'
     * plans or about history.
     *
     * @throws ApiException 404
     */
    public Adoption visibleTo(long id, Authentication auth) {
        Adoption adoption = get(id);
        if (PlanAudience.of(auth) == PlanAudience.OPERATOR && (!adoption.current(today()) || adoption.planId() == null
                || !visibleTo(auth.getName()).containsKey(adoption.planId()))) {
            throw ApiException.notFound("adoption", id);
        }
        return adoption;
    }

    @Override
    public Map<Long, Set<String>> visibleTo(String username) {
        LocalDate today = today();
        return companies.companyOf(username).map(company -> adoptions.busesCurrent(company, today)).orElse(Map.of());
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
     * Refuses to delete a dataset or region whose plan is current (in force or upcoming); superseded,
     * withdrawn and expired plans may go with their data (their history rows stay).
     *
     * @throws ApiException 409 naming the adoption
     */
    private static void requireNoneCurrent(List<Adoption> current, String what) {
        if (!current.isEmpty()) {
            Adoption a = current.get(0);
            throw new ApiException(HttpStatus.CONFLICT, what + " holds plan " + a.planId() + ", adopted for " + a.termName()
                    + " (" + a.validFrom() + " to " + a.validTo() + ", adoption " + a.id() + "); withdraw that adoption"
                    + " or adopt another plan for the term first");
        }
    }

    public void requireDatasetDeletable(long datasetId) {
        requireNoneCurrent(adoptions.currentInDataset(datasetId, today()), "dataset " + datasetId);
    }

    public void requireRegionDeletable(long regionId) {
        requireNoneCurrent(adoptions.currentInRegion(regionId, today()), "region " + regionId);
    }
}
