package org.xiaoche.web.plan;

import java.util.Map;
import java.util.Set;

/**
 * Which buses an operator account may see, per plan: only plans adopted and in force, and in them
 * only the buses assigned to the account's company. The adoption feature answers; an account with
 * no company sees nothing.
 */
public interface OperatorBuses {

    /** Plan id → bus ids of that plan visible to {@code username}; plans with none are absent. */
    Map<Long, Set<String>> visibleTo(String username);
}
