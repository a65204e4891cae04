package org.xiaoche.web.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing. Failed logins are counted per user name and per remote address over the
 * last 15 minutes; beyond 5 for a name (20 for an address) further attempts are refused, correct
 * password or not, for 30 s, doubling with each further failure up to 15 minutes. Names that do not
 * exist are counted and locked alike, so the answer never tells whether a user exists. Counts are
 * kept in memory, per instance.
 */
@Component
public class LoginThrottle {

    static final int FREE_FAILURES_PER_USER = 5;
    static final int FREE_FAILURES_PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    /** Beyond this many names or addresses, stale ones are dropped (a guesser may try many names). */
    private static final int MAX_KEYS = 10_000;

    private final Clock clock;
    private final Map<String, Failures> byUser = new ConcurrentHashMap<>();
    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();

    @Autowired
    public LoginThrottle() {
        this(Clock.systemUTC());
    }

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** True while a name or an address is locked out. */
    public boolean locked(String username, String address) {
        Instant now = clock.instant();
        return isLocked(byUser.get(key(username)), now) || isLocked(byAddress.get(address), now);
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        record(byUser, key(username), FREE_FAILURES_PER_USER, now);
        record(byAddress, address == null ? "" : address, FREE_FAILURES_PER_ADDRESS, now);
    }

    /** A successful login clears its name's count (not its address's: one guesser may own one account). */
    public void succeeded(String username) {
        byUser.remove(key(username));
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private static boolean isLocked(Failures failures, Instant now) {
        return failures != null && failures.lockedAt(now);
    }

    private void record(Map<String, Failures> map, String key, int free, Instant now) {
        if (map.size() >= MAX_KEYS) {
            map.values().removeIf(f -> f.stale(now));
            if (map.size() >= MAX_KEYS) {
                map.clear();
            }
        }
        map.computeIfAbsent(key, k -> new Failures()).add(now, free);
    }

    /** Recent failures of one name or address, and until when it is locked. */
    private static final class Failures {
        private final Deque<Instant> times = new ArrayDeque<>();
        private Instant lockedUntil = Instant.MIN;

        synchronized void add(Instant now, int free) {
            while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(WINDOW))) {
                times.removeFirst();
            }
            times.addLast(now);
            int beyond = times.size() - free;
            if (beyond > 0) {
                Duration lock = FIRST_LOCK.multipliedBy(1L << Math.min(beyond - 1, 10));
                lockedUntil = now.plus(lock.compareTo(WINDOW) > 0 ? WINDOW : lock);
            }
        }

        synchronized boolean lockedAt(Instant now) {
            return now.isBefore(lockedUntil);
        }

        synchronized boolean stale(Instant now) {
            return !lockedAt(now) && (times.isEmpty() || times.peekLast().isBefore(now.minus(WINDOW)));
        }
    }

    /** Refuses a login form post while its name or address is locked: back to the login page with a wait message. */
    static final class Filter extends OncePerRequestFilter {
        private final LoginThrottle throttle;

        Filter(LoginThrottle throttle) {
            this.throttle = throttle;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !("POST".equals(request.getMethod())
                    && request.getRequestURI().substring(request.getContextPath().length()).equals("/login"));
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (throttle.locked(request.getParameter("username"), request.getRemoteAddr())) {
                response.sendRedirect(request.getContextPath() + "/login?locked");
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
