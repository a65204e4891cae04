package org.xiaoche.web.account;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.xiaoche.web.system.ApiError;
import org.xiaoche.web.system.ContentSecurityPolicy;
import org.xiaoche.web.system.UploadLimits;
import org.xiaoche.web.system.XiaocheProperties;

import java.io.IOException;
import java.util.List;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

/**
 * Who may call what: the whole access matrix of DESIGN §5 in one place. Every page and API needs a
 * login; student locations are for planners only; an endpoint under {@code /api} not listed here is
 * refused, so a new endpoint is closed until it is given a rule (a path nothing serves is 404). Failed
 * logins go through {@link LoginThrottle}.
 */
@Configuration
public class SecurityConfiguration {

    private static final String ADMIN = Role.ADMIN.name();
    private static final String PLANNER = Role.PLANNER.name();
    private static final String VIEWER = Role.VIEWER.name();
    private static final String OPERATOR = Role.OPERATOR.name();

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /** Every signed-in session by user, so that deleting a user ends all of theirs at once. */
    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    /** Tells the session registry when the container ends a session. */
    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http, ObjectMapper json, UploadLimits uploadLimits,
                                    SessionRegistry sessionRegistry, XiaocheProperties properties, LoginThrottle throttle,
                                    @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> handlerMappings)
            throws Exception {
        RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error").permitAll()
                        // individual students: planners only
                        .requestMatchers(GET, "/api/eligibility-runs/*/students.geojson", "/api/datasets/*/students.geojson",
                                "/api/plans/*/students.geojson").hasRole(PLANNER)
                        // aggregates of students: planners and viewers, never operators
                        .requestMatchers(GET, "/api/eligibility-runs", "/api/eligibility-runs/*").hasAnyRole(PLANNER, VIEWER)
                        .requestMatchers(POST, "/api/eligibility-runs").hasRole(PLANNER)
                        // plans: operators too, only adopted ones and their own buses, and PlanController leaves
                        // every count of students out for them
                        .requestMatchers(GET, "/api/plans", "/api/plans/*", "/api/plans/*/stops.geojson", "/api/plans/*/routes.geojson",
                                "/api/plans/*/runs", "/api/plans/*/runs/*/timetable").hasAnyRole(PLANNER, VIEWER, OPERATOR)
                        // A plan's summary counts students over every company's buses: not for operators.
                        .requestMatchers(GET, "/api/plans/*/summary").hasAnyRole(PLANNER, VIEWER)
                        .requestMatchers(GET, "/api/plans/*/lists/*").hasRole(PLANNER)
                        .requestMatchers(POST, "/api/plans").hasRole(PLANNER)
                        .requestMatchers(DELETE, "/api/plans/*").hasRole(PLANNER)
                        .requestMatchers(POST, "/api/plans/*/edits", "/api/plans/*/undo").hasRole(PLANNER)
                        .requestMatchers(GET, "/api/plans/*/versions").hasRole(PLANNER)
                        .requestMatchers(GET, "/api/plan-defaults").authenticated()
                        // adopted plans: operators see only those in force with their buses (AdoptionController)
                        .requestMatchers(GET, "/api/adoptions", "/api/adoptions/*").hasAnyRole(PLANNER, VIEWER, OPERATOR)
                        .requestMatchers(GET, "/api/adoptions/*/buses").hasAnyRole(PLANNER, VIEWER)
                        // downloads: each format names the roles it is for (ExportFormat.audiences)
                        .requestMatchers(GET, "/api/adoptions/*/exports", "/api/adoptions/*/exports/*")
                                .hasAnyRole(PLANNER, VIEWER, OPERATOR)
                        // long downloads as jobs: their files only to the user who asked (ExportFileController)
                        .requestMatchers(POST, "/api/adoptions/*/exports/*").hasAnyRole(PLANNER, VIEWER, OPERATOR)
                        .requestMatchers(GET, "/api/export-files/*").hasAnyRole(PLANNER, VIEWER, OPERATOR)
                        .requestMatchers(POST, "/api/adoptions", "/api/adoptions/*/withdraw").hasRole(PLANNER)
                        .requestMatchers(PUT, "/api/adoptions/*/buses").hasRole(PLANNER)
                        // operator companies: planners manage them; admins and planners link operator accounts
                        .requestMatchers(GET, "/api/operators", "/api/operators/*").hasAnyRole(ADMIN, PLANNER, VIEWER)
                        .requestMatchers(POST, "/api/operators").hasRole(PLANNER)
                        .requestMatchers(PUT, "/api/operators/*").hasRole(PLANNER)
                        .requestMatchers(DELETE, "/api/operators/*").hasRole(PLANNER)
                        .requestMatchers("/api/operators/*/members", "/api/operators/*/members/*").hasAnyRole(ADMIN, PLANNER)
                        // scenarios: the planners' map of moved students for planners only; aggregates for viewers; no operators
                        .requestMatchers(GET, "/api/scenarios/*/affected.geojson").hasRole(PLANNER)
                        .requestMatchers(GET, "/api/scenarios", "/api/scenarios/**").hasAnyRole(PLANNER, VIEWER)
                        .requestMatchers(POST, "/api/scenarios", "/api/scenarios/*/run").hasRole(PLANNER)
                        .requestMatchers(DELETE, "/api/scenarios/*").hasRole(PLANNER)
                        .requestMatchers(GET, "/api/layouts", "/api/layouts/*").hasAnyRole(PLANNER, VIEWER)
                        .requestMatchers(POST, "/api/layouts").hasRole(PLANNER)
                        .requestMatchers(GET, "/api/regions/*/datasets").hasAnyRole(PLANNER, VIEWER)
                        .requestMatchers(POST, "/api/regions/*/datasets").hasRole(PLANNER)
                        .requestMatchers(DELETE, "/api/datasets/*").hasRole(PLANNER)
                        // places that are not personal: schools, roads, regions
                        .requestMatchers(GET, "/api/datasets/*/schools.geojson").hasAnyRole(PLANNER, VIEWER, OPERATOR)
                        .requestMatchers(GET, "/api/regions", "/api/regions/*", "/api/regions/*/roads.geojson",
                                "/api/regions/*/bus-roads.geojson", "/api/regions/*/dropped-bus-roads.geojson").authenticated()
                        .requestMatchers(POST, "/api/regions").hasRole(PLANNER)
                        .requestMatchers(DELETE, "/api/regions/*").hasRole(PLANNER)
                        .requestMatchers(GET, "/api/jobs/*").authenticated()
                        // planners cancel any job, others only their own (JobController)
                        .requestMatchers(POST, "/api/jobs/*/cancel").authenticated()
                        .requestMatchers("/api/users", "/api/users/**").hasRole(ADMIN)
                        .requestMatchers(GET, "/api/audit").hasRole(ADMIN)
                        .requestMatchers(GET, "/api/me").authenticated()
                        .requestMatchers(POST, "/api/me/password").authenticated()
                        // unknown paths answer 404; endpoints without a rule above stay closed
                        .requestMatchers("/api/**").access(new UnknownApiPaths(handlerMappings))
                        .requestMatchers(GET, "/users").hasRole(ADMIN)
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll()
                        .successHandler(loginSucceeded(throttle))
                        .failureHandler((request, response, e) -> {
                            throttle.failed(request.getParameter("username"), request.getRemoteAddr());
                            response.sendRedirect(request.getContextPath() + "/login?error");
                        }))
                .addFilterBefore(new LoginThrottle.Filter(throttle), UsernamePasswordAuthenticationFilter.class)
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                .csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new HeaderOnlyForMultipart()))
                // Uploads are refused before their body is read unless a signed-in user sends them.
                .addFilterBefore(UploadGuard.signedInOnly(json), CsrfFilter.class)
                .addFilterAfter(UploadGuard.withinLimits(json, uploadLimits), CsrfFilter.class)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(ContentSecurityPolicy.header(properties.map().tileUrl())))
                        .frameOptions(frame -> frame.deny()))
                .sessionManagement(sessions -> sessions
                        .maximumSessions(-1)
                        .sessionRegistry(sessionRegistry)
                        .expiredSessionStrategy(event -> {
                            HttpServletRequest request = event.getRequest();
                            if (api.matches(request)) {
                                write(json, event.getResponse(), HttpStatus.UNAUTHORIZED, "your session has ended; sign in again");
                            } else {
                                event.getResponse().sendRedirect(request.getContextPath() + "/login");
                            }
                        }))
                .exceptionHandling(ex -> ex
                        .defaultAuthenticationEntryPointFor(jsonEntryPoint(json), api)
                        .defaultAccessDeniedHandlerFor(jsonAccessDenied(json), api));
        return http.build();
    }

    /** Back to the page asked for before the login (or the start page), and the name's failure count cleared. */
    private static AuthenticationSuccessHandler loginSucceeded(LoginThrottle throttle) {
        SavedRequestAwareAuthenticationSuccessHandler redirect = new SavedRequestAwareAuthenticationSuccessHandler();
        redirect.setDefaultTargetUrl("/");
        return (request, response, authentication) -> {
            throttle.succeeded(authentication.getName());
            redirect.onAuthenticationSuccess(request, response, authentication);
        };
    }

    private static AuthenticationEntryPoint jsonEntryPoint(ObjectMapper json) {
        return (request, response, e) -> write(json, response, HttpStatus.UNAUTHORIZED, "sign in first");
    }

    private static AccessDeniedHandler jsonAccessDenied(ObjectMapper json) {
        return (request, response, e) -> write(json, response, HttpStatus.FORBIDDEN,
                e instanceof CsrfException ? "missing or invalid CSRF token (send the XSRF-TOKEN cookie's value as X-XSRF-TOKEN)"
                        : "your role may not do this");
    }

    private static void write(ObjectMapper json, HttpServletResponse response, HttpStatus status, String message) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), new ApiError(status.value(), status.getReasonPhrase(), message, List.of()));
    }

}
