package org.xiaoche.web.operator;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Operator companies (planners manage them) and their accounts (admins and planners link an
 * operator account to its company).
 */
@RestController
@RequestMapping("/api/operators")
public class OperatorController {

    private final OperatorService operators;

    public OperatorController(OperatorService operators) {
        this.operators = operators;
    }

    @GetMapping
    public List<OperatorCompany> list() {
        return operators.list();
    }

    @GetMapping("/{id}")
    public OperatorCompany get(@PathVariable long id) {
        return operators.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public OperatorCompany create(@RequestBody(required = false) OperatorService.CompanyInput input) {
        return operators.create(input);
    }

    @PutMapping("/{id}")
    public OperatorCompany update(@PathVariable long id, @RequestBody(required = false) OperatorService.CompanyInput input) {
        return operators.update(id, input);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@PathVariable long id) {
        operators.delete(id);
    }

    @GetMapping("/{id}/members")
    public List<String> members(@PathVariable long id) {
        return operators.members(id);
    }

    @PutMapping("/{id}/members/{username}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void addMember(@PathVariable long id, @PathVariable String username) {
        operators.addMember(id, username);
    }

    @DeleteMapping("/{id}/members/{username}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void removeMember(@PathVariable long id, @PathVariable String username) {
        operators.removeMember(id, username);
    }
}
