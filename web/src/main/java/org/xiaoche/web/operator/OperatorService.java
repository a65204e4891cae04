package org.xiaoche.web.operator;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.xiaoche.web.account.Role;
import org.xiaoche.web.account.UserAccount;
import org.xiaoche.web.account.UserAccountRepository;
import org.xiaoche.web.system.ApiException;
import org.xiaoche.web.system.FieldProblems;

import java.util.List;

/** Operator companies, checked field by field, and which operator accounts belong to them. */
@Service
public class OperatorService {

    /** What a company is given as: name required; phone and url optional. */
    public record CompanyInput(String name, String phone, String url) {
    }

    private final OperatorCompanyRepository companies;
    private final UserAccountRepository users;

    public OperatorService(OperatorCompanyRepository companies, UserAccountRepository users) {
        this.companies = companies;
        this.users = users;
    }

    public List<OperatorCompany> list() {
        return companies.listAll();
    }

    public OperatorCompany get(long id) {
        return companies.findById(id).orElseThrow(() -> ApiException.notFound("operator company", id));
    }

    /** @throws ApiException 422 naming each bad field */
    public OperatorCompany create(CompanyInput input) {
        CompanyInput checked = check(input);
        return get(companies.insert(checked.name(), checked.phone(), checked.url()));
    }

    /** @throws ApiException 404 for an unknown company, 422 naming each bad field */
    public OperatorCompany update(long id, CompanyInput input) {
        get(id);
        CompanyInput checked = check(input);
        companies.update(id, checked.name(), checked.phone(), checked.url());
        return get(id);
    }

    /** @throws ApiException 409 while any bus of a plan is assigned to it */
    public void delete(long id) {
        get(id);
        long buses = companies.assignedBuses(id);
        if (buses > 0) {
            throw new ApiException(HttpStatus.CONFLICT, "operator company " + id + " runs " + buses
                    + " bus(es) of adopted plans; assign them to another company first");
        }
        companies.delete(id);
    }

    public List<String> members(long id) {
        get(id);
        return companies.members(id);
    }

    /**
     * Makes the operator account {@code username} belong to company {@code id} (one company per account).
     *
     * @throws ApiException 404 for an unknown company or user, 422 when the user is not an operator
     */
    public void addMember(long id, String username) {
        get(id);
        UserAccount user = users.findByUsername(username)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "user " + username + " does not exist"));
        if (user.role() != Role.OPERATOR) {
            new FieldProblems().add("username", "user " + username + " has role " + user.role().code()
                    + "; only operator accounts belong to a company", "not-an-operator-account", username)
                    .throwIfAny("the member");
        }
        companies.setCompany(username, id);
    }

    /** @throws ApiException 404 when the user does not belong to company {@code id} */
    public void removeMember(long id, String username) {
        if (!companies.companyOf(username).map(c -> c == id).orElse(false)) {
            throw new ApiException(HttpStatus.NOT_FOUND, "user " + username + " is not a member of operator company " + id);
        }
        companies.setCompany(username, null);
    }

    private static CompanyInput check(CompanyInput input) {
        FieldProblems problems = new FieldProblems();
        CompanyInput in = input == null ? new CompanyInput(null, null, null) : input;
        String name = problems.text("name", in.name(), true, 200);
        String phone = problems.text("phone", in.phone(), false, 50);
        if (phone != null && !phone.matches("[0-9+()\\- ]+")) {
            problems.add("phone", "may hold only digits, spaces and + ( ) -", "phone-characters");
        }
        String url = problems.text("url", in.url(), false, 500);
        if (url != null && !url.matches("(?i)https?://[^\\s<>\"]+")) {
            problems.add("url", "must be an http:// or https:// address", "url-scheme");
        }
        problems.throwIfAny("the operator company");
        return new CompanyInput(name, phone, url);
    }
}
