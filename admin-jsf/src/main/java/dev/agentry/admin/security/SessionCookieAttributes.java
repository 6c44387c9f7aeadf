package dev.agentry.admin.security;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Gives the console's session cookie {@code SameSite=Lax}: links into the console still arrive signed
 * in, while a POST from another site carries no session. It is set through the Servlet 6 API because
 * WildFly 39 reads {@code <cookie-config><attribute>} in web.xml but does not put it on the cookie
 * (the raw {@code Set-Cookie} is checked by ConsoleSessionIT). {@code HttpOnly} is in web.xml; {@code
 * Secure} is added to cookies sent over HTTPS by {@code WEB-INF/undertow-handlers.conf}, so plain HTTP
 * (development, the tests) keeps working.
 */
@WebListener
public class SessionCookieAttributes implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        event.getServletContext().getSessionCookieConfig().setAttribute("SameSite", "Lax");
    }
}
