package org.xiaoche.web.operator;

import java.time.Instant;

/** A company that runs school buses (承运单位); {@code phone} and {@code url} may be null. */
public record OperatorCompany(long id, String name, String phone, String url, Instant createdAt) {
}
