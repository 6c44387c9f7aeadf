package dev.agentry.admin.security;

import dev.agentry.core.admin.LoginResult;
import jakarta.enterprise.context.RequestScoped;

/** How this request's login went, for the login page to say why it failed. */
@RequestScoped
public class LoginAttempt {

    private LoginResult result;

    public LoginResult result() {
        return result;
    }

    public void record(LoginResult result) {
        this.result = result;
    }
}
