package org.xiaoche.web.account;

import org.springframework.http.HttpStatus;
import org.xiaoche.web.system.ApiException;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * The one strength rule for every password a user sets: at least 10 characters, at most 72 bytes
 * (BCrypt ignores the rest), not the user name, not one character repeated. Generated passwords
 * (first admin, reset) are 16 random letters and digits.
 */
public final class PasswordRule {

    /** Shorter passwords are refused: accounts guard the homes of minors. */
    public static final int MIN_LENGTH = 10;
    /** BCrypt reads only the first 72 bytes of a password. */
    public static final int MAX_BYTES = 72;
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int GENERATED_LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordRule() {
    }

    /**
     * @throws ApiException 400 naming the rule the password breaks
     */
    public static void check(String username, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw refuse("password-too-short", "password must have at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw refuse("password-too-long", "password must have at most " + MAX_BYTES + " bytes");
        }
        if (password.equalsIgnoreCase(username)) {
            throw refuse("password-is-username", "password must not be the user name");
        }
        if (password.chars().distinct().count() == 1) {
            throw refuse("password-one-character", "password must not be one character repeated");
        }
    }

    /** A random password of 16 letters and digits (about 93 bits). */
    public static String generate() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    private static ApiException refuse(String code, String message) {
        return ApiException.coded(HttpStatus.BAD_REQUEST, code, message);
    }
}
