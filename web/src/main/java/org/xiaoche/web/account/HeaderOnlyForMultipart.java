package org.xiaoche.web.account;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;

/**
 * Reads the CSRF token of a multipart request from the {@code X-XSRF-TOKEN} header only: looking for
 * a {@code _csrf} form field would make the container parse the whole upload first. Other requests
 * (the login form) may still send the field.
 */
final class HeaderOnlyForMultipart extends CsrfTokenRequestAttributeHandler {

    HeaderOnlyForMultipart() {
        // Load the token on every request so its cookie is always there for the pages' fetch calls.
        setCsrfRequestAttributeName(null);
    }

    @Override
    public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
        if (UploadGuard.isMultipart(request)) {
            return request.getHeader(csrfToken.getHeaderName());
        }
        return super.resolveCsrfTokenValue(request, csrfToken);
    }
}
