package org.xiaoche.web.account;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.xiaoche.web.system.ApiError;
import org.xiaoche.web.system.UploadLimits;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Refuses a multipart request before anything reads its body: without a signed-in user (401, ahead
 * of the CSRF filter), or with a declared length over the endpoint's limit (413, after it). It runs ahead of the CSRF filter, which
 * would otherwise look for a {@code _csrf} form field and so make the container parse, and spool
 * to disk, the whole upload of an anonymous caller. The connection is closed after the answer, so
 * the unread body is never swallowed either.
 */
final class UploadGuard extends OncePerRequestFilter {

    private final ObjectMapper json;
    private final UploadLimits limits;
    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

    private UploadGuard(ObjectMapper json, UploadLimits limits) {
        this.json = json;
        this.limits = limits;
    }

    /** Ahead of the CSRF filter: 401 for a multipart request without a signed-in user. */
    static UploadGuard signedInOnly(ObjectMapper json) {
        return new UploadGuard(json, null);
    }

    /** After the CSRF filter: 413 for a multipart request whose declared length is over its endpoint's limit. */
    static UploadGuard withinLimits(ObjectMapper json, UploadLimits limits) {
        return new UploadGuard(json, limits);
    }

    /** Both guards are of this class: each needs its own once-per-request marker. */
    @Override
    protected String getAlreadyFilteredAttributeName() {
        return UploadGuard.class.getName() + (limits == null ? ".signedIn" : ".limits") + ".FILTERED";
    }

    static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isMultipart(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (limits == null) {
            if (!trust.isAuthenticated(SecurityContextHolder.getContext().getAuthentication())) {
                refuse(response, HttpStatus.UNAUTHORIZED, "sign in first");
                return;
            }
        } else {
            long limit = limitFor(request);
            if (request.getContentLengthLong() > limit) {
                refuse(response, HttpStatus.PAYLOAD_TOO_LARGE, "the upload is larger than the " + UploadLimits.describe(limit)
                        + " this endpoint accepts");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** OSM extracts may be large; rosters, fleets and policies are small files. */
    long limitFor(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/api/regions") || path.equals("/api/regions/")
                ? limits.osmMaxSize().toBytes() : limits.rosterMaxSize().toBytes();
    }

    private void refuse(HttpServletResponse response, HttpStatus status, String message) throws IOException {
        response.setStatus(status.value());
        response.setHeader("Connection", "close");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        byte[] body = json.writeValueAsBytes(new ApiError(status.value(), status.getReasonPhrase(), message, List.of()));
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
