package org.xiaoche.web.adoption;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adopted plans are read-only wherever an endpoint would change them: every PUT, PATCH or DELETE on
 * {@code /api/plans/{id}} and below is answered 409 for a plan that was ever adopted, and deleting a
 * dataset or region that holds a plan in force is too. Endpoints added later are covered without
 * knowing about adoptions; creating a new plan from an adopted one (POST) stays allowed.
 */
@Configuration
public class AdoptedPlanGuard implements HandlerInterceptor, WebMvcConfigurer {

    private static final Pattern PLAN = Pattern.compile("/api/plans/(\\d+)(/.*)?");
    private static final Pattern DATASET = Pattern.compile("/api/datasets/(\\d+)");
    private static final Pattern REGION = Pattern.compile("/api/regions/(\\d+)");

    private final AdoptionService adoptions;

    public AdoptedPlanGuard(AdoptionService adoptions) {
        this.adoptions = adoptions;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/plans/**", "/api/datasets/*", "/api/regions/*");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String method = request.getMethod();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Matcher plan = PLAN.matcher(path);
        if (plan.matches() && (method.equals("PUT") || method.equals("PATCH") || method.equals("DELETE"))) {
            adoptions.requireEditable(Long.parseLong(plan.group(1)));
        }
        if (method.equals("DELETE")) {
            Matcher dataset = DATASET.matcher(path);
            if (dataset.matches()) {
                adoptions.requireDatasetDeletable(Long.parseLong(dataset.group(1)));
            }
            Matcher region = REGION.matcher(path);
            if (region.matches()) {
                adoptions.requireRegionDeletable(Long.parseLong(region.group(1)));
            }
        }
        return true;
    }
}
