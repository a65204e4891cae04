package org.xiaoche.web.account;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import java.util.function.Supplier;

/**
 * The last rule for {@code /api}: a path no controller serves is let through for a signed-in user so
 * that it is answered 404, while an endpoint that exists but has no rule of its own (or a method it
 * does not serve) stays refused: a new endpoint is closed until it is given a rule.
 */
final class UnknownApiPaths implements AuthorizationManager<RequestAuthorizationContext> {

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;
    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

    UnknownApiPaths(ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    @Override
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        return new AuthorizationDecision(trust.isAuthenticated(authentication.get()) && !served(context.getRequest()));
    }

    private boolean served(HttpServletRequest request) {
        Object previous = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
        try {
            ServletRequestPathUtils.parseAndCache(request);
            return mappings.getObject().getHandler(request) != null;
        } catch (Exception e) {
            // a path that matches with another method or media type: an endpoint, so refused
            return true;
        } finally {
            if (previous == null) {
                ServletRequestPathUtils.clearParsedRequestPath(request);
            } else {
                request.setAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE, previous);
            }
        }
    }
}
