package org.xiaoche.web.export;

import org.xiaoche.web.adoption.Adoption;
import org.xiaoche.web.plan.PlanAudience;
import org.xiaoche.web.plan.PlanScope;

import java.util.Locale;

/**
 * A download asked for: the adoption, the plan as the caller sees it ({@code scope}: all buses, or an
 * operator's own) and the language of headers and texts.
 */
public record ExportRequest(Adoption adoption, PlanScope scope, Locale locale) {

    /** The operator edition: own buses only, no student ids, homes or counts, times to the minute. */
    public boolean operatorEdition() {
        return scope.audience() == PlanAudience.OPERATOR;
    }

    /** {@code zh} or {@code en}. */
    public String language() {
        return "en".equals(locale.getLanguage()) ? "en" : "zh";
    }
}
