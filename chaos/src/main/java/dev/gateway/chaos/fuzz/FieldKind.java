package dev.gateway.chaos.fuzz;

/**
 * What a body field holds, which decides its plausible values. The kinds that could do lasting harm when valid
 * draw only from safe values: {@link #NEW_TENANT_KEY} never a key that could be created, {@link #POOL_HOST} never a
 * pool server the registry allows, {@link #USERNAME} / {@link #CLIENT_ID} / {@link #EMAIL} never a real account
 * (failed logins would lock it), {@link #FALSE_FLAG} never {@code true} (a fleet migration of everyone).
 */
enum FieldKind {
    NEW_TENANT_KEY, TENANT_REF, TEXT, LONG_TEXT, EMAIL, PASSWORD, USERNAME, CLIENT_ID, INT, BOOL, FALSE_FLAG, UUID,
    PLAN, NEW_PLAN_KEY, POOL_HOST, PORT, ISOLATION, POOL_STATUS, ROLE, TASK_STATUS, DATE, TEXT_LIST, SIGNUP_POLICY
}
