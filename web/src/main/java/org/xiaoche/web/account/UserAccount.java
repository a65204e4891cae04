package org.xiaoche.web.account;

import java.time.Instant;

/** A login. The password is kept only as a BCrypt hash; a disabled user cannot sign in. */
public record UserAccount(long id, String username, String passwordHash, Role role, boolean enabled, Instant createdAt) {
}
