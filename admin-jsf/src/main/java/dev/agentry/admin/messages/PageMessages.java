package dev.agentry.admin.messages;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;

/** Texts from the console's bundle ({@code msg}) and the messages pages show, one way for every page. */
public final class PageMessages {

    private PageMessages() {}

    /** The bundle's text for {@code key}, with {@code {0}}-style arguments filled in. */
    public static String text(String key, Object... arguments) {
        FacesContext faces = FacesContext.getCurrentInstance();
        String pattern = faces.getApplication().getResourceBundle(faces, "msg").getString(key);
        return arguments.length == 0 ? pattern : MessageFormat.format(pattern, arguments);
    }

    public static void info(String text) {
        add(null, FacesMessage.SEVERITY_INFO, text);
    }

    public static void warn(String text) {
        add(null, FacesMessage.SEVERITY_WARN, text);
    }

    /** An error on one input ({@code clientId}), or on the page when it is null. */
    public static void error(String clientId, String text) {
        add(clientId, FacesMessage.SEVERITY_ERROR, text);
    }

    /**
     * The outcome that shows {@code page} again by a redirect (Post/Redirect/Get), carrying the messages
     * added so far through the flash: a reload then shows the page, it does not repeat the action.
     *
     * @param pageAndQuery e.g. {@code "webhooks?credential=abc"} (no {@code .xhtml}, parameters encoded)
     */
    public static String redirect(String pageAndQuery) {
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        return pageAndQuery + (pageAndQuery.contains("?") ? "&" : "?") + "faces-redirect=true";
    }

    private static void add(String clientId, FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, text, null));
    }
}
