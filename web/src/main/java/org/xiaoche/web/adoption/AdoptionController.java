package org.xiaoche.web.adoption;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.xiaoche.web.plan.PlanAudience;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Adopted plans: adopt a plan for a term (planners), the history per region, and which operator
 * company runs each bus. Operators see only the current adoptions (in force or upcoming) that hold buses
 * of their company.
 */
@RestController
@RequestMapping("/api/adoptions")
public class AdoptionController {

    /**
     * An adoption; {@code state} is {@code upcoming}, {@code in_force}, {@code expired}, {@code superseded} or
     * {@code withdrawn} on the service's today ({@link Adoption.State}), computed as it is read.
     */
    public record AdoptionView(long id, Long planId, long regionId, String termName, LocalDate validFrom, LocalDate validTo,
                               String state, String adoptedBy, Instant adoptedAt, Long supersededBy, String supersededByUser,
                               Instant supersededAt) {
        static AdoptionView of(Adoption a, LocalDate today) {
            return new AdoptionView(a.id(), a.planId(), a.regionId(), a.termName(), a.validFrom(), a.validTo(),
                    a.state(today).code(), a.adoptedBy(), a.adoptedAt(), a.supersededBy(), a.supersededByUser(), a.supersededAt());
        }
    }

    private final AdoptionService adoptions;

    public AdoptionController(AdoptionService adoptions) {
        this.adoptions = adoptions;
    }

    @GetMapping
    public List<AdoptionView> list(@RequestParam(required = false) Long regionId, Authentication auth) {
        LocalDate today = adoptions.today();
        List<Adoption> all = adoptions.list(regionId);
        if (PlanAudience.of(auth) == PlanAudience.OPERATOR) {
            Set<Long> plans = adoptions.visibleTo(auth.getName()).keySet();
            all = all.stream().filter(a -> a.current(today) && plans.contains(a.planId())).toList();
        }
        return all.stream().map(a -> AdoptionView.of(a, today)).toList();
    }

    @GetMapping("/{id}")
    public AdoptionView get(@PathVariable long id, Authentication auth) {
        return AdoptionView.of(adoptions.visibleTo(id, auth), adoptions.today());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public AdoptionView adopt(@RequestBody(required = false) AdoptionService.NewAdoption request, Authentication auth) {
        return AdoptionView.of(adoptions.adopt(request, auth.getName()), adoptions.today());
    }

    @PostMapping("/{id}/withdraw")
    public AdoptionView withdraw(@PathVariable long id, Authentication auth) {
        return AdoptionView.of(adoptions.withdraw(id, auth.getName()), adoptions.today());
    }

    @GetMapping("/{id}/buses")
    public List<AdoptionService.AssignedBus> buses(@PathVariable long id) {
        return adoptions.buses(id);
    }

    @PutMapping("/{id}/buses")
    public List<AdoptionService.AssignedBus> assign(@PathVariable long id,
                                                    @RequestBody(required = false) AdoptionService.BusAssignment request) {
        return adoptions.assign(id, request);
    }

}
