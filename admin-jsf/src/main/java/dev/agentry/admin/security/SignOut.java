package dev.agentry.admin.security;

import dev.agentry.core.admin.AdminAccounts;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/** Sign-out from the navigation: ends the session and returns to the login page. */
@Named
@RequestScoped
public class SignOut {

    @Inject
    AdminAccounts accounts;

    public void signOut() throws IOException, ServletException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        if (request.getUserPrincipal() != null) {
            accounts.signedOut(request.getUserPrincipal().getName());
        }
        request.logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/login.xhtml?signedOut=true");
    }
}
