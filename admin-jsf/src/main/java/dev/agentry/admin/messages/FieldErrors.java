package dev.agentry.admin.messages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The field errors of this response, for the error summary at the top of a form (each linking to its
 * field, by the field's human label) and for {@code aria-invalid} on the fields themselves.
 */
@Named
@RequestScoped
public class FieldErrors {

    /** One field's problem: where it is, what the field is called, what is wrong. */
    public record Entry(String clientId, String label, String text) {

        /** The line of the summary: the message, prefixed by the field's name unless it starts with it. */
        public String summary() {
            return text.regionMatches(true, 0, label, 0, label.length()) ? text : label + ": " + text;
        }
    }

    /**
     * Every error on a field, in the order the fields reported them. Read afresh each time: Faces asks
     * whether the summary is rendered already while decoding a postback, before the action added any.
     */
    public List<Entry> getEntries() {
        List<Entry> entries = new ArrayList<>();
        FacesContext faces = FacesContext.getCurrentInstance();
        for (Iterator<String> ids = faces.getClientIdsWithMessages(); ids.hasNext(); ) {
            String clientId = ids.next();
            if (clientId == null) {
                continue;
            }
            String label = label(faces, clientId);
            for (Iterator<FacesMessage> messages = faces.getMessages(clientId); messages.hasNext(); ) {
                FacesMessage message = messages.next();
                if (message.getSeverity().compareTo(FacesMessage.SEVERITY_ERROR) >= 0) {
                    entries.add(new Entry(clientId, label, message.getSummary()));
                }
            }
        }
        return entries;
    }

    public boolean isAny() {
        return !getEntries().isEmpty();
    }

    /** {@code "true"} for a field with an error, else null (the attribute is then left out). */
    public String invalid(String clientId) {
        return getEntries().stream().anyMatch(e -> e.clientId().equals(clientId)) ? "true" : null;
    }

    /** The field's {@code label} attribute, the name people know it by; its id when it has none. */
    private static String label(FacesContext faces, String clientId) {
        UIComponent[] found = new UIComponent[1];
        faces.getViewRoot().invokeOnComponent(faces, clientId, (context, component) -> found[0] = component);
        Object label = found[0] == null ? null : found[0].getAttributes().get("label");
        return label == null ? clientId.substring(clientId.lastIndexOf(':') + 1) : label.toString();
    }
}
