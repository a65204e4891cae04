package org.xiaoche.web.demo;

import org.springframework.stereotype.Component;
import org.xiaoche.web.account.Role;
import org.xiaoche.web.account.UserAccountRepository;
import org.xiaoche.web.adoption.Adoption;
import org.xiaoche.web.adoption.AdoptionService;
import org.xiaoche.web.operator.OperatorCompanyRepository;
import org.xiaoche.web.operator.OperatorService;

import java.time.LocalDate;
import java.time.Month;

/**
 * The demo plan in force: adopted for the school term of today, every bus run by the demo operator
 * company, and the demo account {@code operator} a member of it, so that it sees the plan.
 */
@Component
public class DemoOperator {

    public static final String COMPANY_NAME = "示范县校车运输有限公司";
    public static final String ACCOUNT = Role.OPERATOR.code();
    /** The made-up company's address, under a name reserved for examples (GTFS needs an agency address). */
    static final String DEMO_URL = "https://school-bus.example/";

    private final AdoptionService adoptions;
    private final OperatorService operators;
    private final OperatorCompanyRepository companies;
    private final UserAccountRepository users;

    public DemoOperator(AdoptionService adoptions, OperatorService operators, OperatorCompanyRepository companies,
                        UserAccountRepository users) {
        this.adoptions = adoptions;
        this.operators = operators;
        this.companies = companies;
        this.users = users;
    }

    /** A term as adopted: its name and days. */
    public record Term(String name, LocalDate from, LocalDate to) {
    }

    /**
     * The half of the school year holding {@code day}: the first term August to January, the second
     * February to July (the demo has no term calendar of its own).
     */
    public static Term termOf(LocalDate day) {
        int autumnYear = day.getMonthValue() >= Month.AUGUST.getValue() ? day.getYear() : day.getYear() - 1;
        String year = autumnYear + "—" + (autumnYear + 1) + " 学年";
        if (day.getMonthValue() >= Month.AUGUST.getValue() || day.getMonth() == Month.JANUARY) {
            return new Term(year + "第一学期", LocalDate.of(autumnYear, 8, 1), LocalDate.of(autumnYear + 1, 1, 31));
        }
        return new Term(year + "第二学期", LocalDate.of(day.getYear(), 2, 1), LocalDate.of(day.getYear(), 7, 31));
    }

    /** Whether some adoption of the region is current (in force or upcoming): once the term is over the demo adopts again. */
    public boolean adopted(long regionId) {
        LocalDate today = adoptions.today();
        return adoptions.list(regionId).stream().anyMatch(a -> a.current(today));
    }

    /** Adopts the plan for today's term, gives every bus to the demo company and links the demo account. */
    public void adopt(long planId) {
        Term term = termOf(adoptions.today());
        Adoption adoption = adoptions.adopt(new AdoptionService.NewAdoption(planId, term.name(), term.from().toString(),
                term.to().toString()), "demo");
        adoptions.assign(adoption.id(), new AdoptionService.BusAssignment(company(), null));
        linkAccount();
    }

    /** Makes the demo account {@code operator}, when it exists and has no company yet, a member of the demo company. */
    public void linkAccount() {
        boolean operatorAccount = users.findByUsername(ACCOUNT).map(u -> u.role() == Role.OPERATOR).orElse(false);
        if (operatorAccount && companies.companyOf(ACCOUNT).isEmpty()) {
            companies.findByName(COMPANY_NAME).ifPresent(c -> operators.addMember(c.id(), ACCOUNT));
        }
    }

    private long company() {
        return companies.findByName(COMPANY_NAME)
                .orElseGet(() -> operators.create(new OperatorService.CompanyInput(COMPANY_NAME, "0535-0000000",
                        DEMO_URL))).id();
    }
}
