package dev.agentry.core.admin;

/** How a login attempt ended. A locked account refuses even the right password until the lock ends. */
public enum LoginResult {
    SUCCESS,
    INVALID,
    LOCKED
}
