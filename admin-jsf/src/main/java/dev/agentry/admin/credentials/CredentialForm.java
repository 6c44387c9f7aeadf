package dev.agentry.admin.credentials;

import dev.agentry.core.policy.CredentialRequest;
import dev.agentry.core.policy.CredentialView;
import dev.agentry.core.starterpacks.StarterPack;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * What the create and edit forms hold, as the admin typed it: lists are one entry per line, the
 * lifetime a number of days or empty for "never".
 */
public class CredentialForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String name;
    private String owner;
    private String description;
    private List<String> scopes = new ArrayList<>();
    private String ttlDays = DEFAULT_TTL;
    private String reminderDays = DEFAULT_REMINDER;
    private String eventInterests = "";
    private String ipAllowlist = "";

    /** What the last starter pack filled in: a field still holding it is the pack's, not the admin's. */
    private CredentialForm filledByPack;

    static final String DEFAULT_TTL = "90";
    static final String DEFAULT_REMINDER = "14";

    static CredentialForm of(CredentialView view) {
        CredentialForm form = new CredentialForm();
        form.name = view.name();
        form.owner = view.owner();
        form.description = view.description();
        form.scopes = new ArrayList<>(view.scopes());
        form.ttlDays = "";
        form.reminderDays = Integer.toString(view.reminderDays());
        form.eventInterests = String.join("\n", view.eventInterests());
        form.ipAllowlist = String.join("\n", view.ipAllowlist());
        return form;
    }

    /**
     * Fills in a starter pack's scopes, event interests, lifetime and reminder window — only where the admin
     * has not chosen: a field still empty (or at its default), or still as the previously chosen pack filled
     * it. So explicit choices win, and switching packs replaces the previous pack's values. No pack (null)
     * takes back what the last one filled. The allowlist stays the admin's: only they know where the client
     * runs (the pack's hint says where it should point).
     */
    void applyPack(StarterPack pack) {
        CredentialForm before = filledByPack == null ? new CredentialForm() : filledByPack;
        CredentialForm packed = new CredentialForm();
        if (pack != null) {
            packed.scopes = new ArrayList<>(pack.scopes());
            packed.eventInterests = String.join("\n", pack.eventInterests());
            packed.ttlDays = Integer.toString(pack.ttlDays());
            packed.reminderDays = Integer.toString(pack.reminderDays());
        }
        if (scopes.isEmpty() || new HashSet<>(scopes).equals(new HashSet<>(before.scopes))) {
            scopes = new ArrayList<>(packed.scopes);
        }
        if (lines(eventInterests).isEmpty() || lines(eventInterests).equals(lines(before.eventInterests))) {
            eventInterests = packed.eventInterests;
        }
        if (DEFAULT_TTL.equals(strip(ttlDays)) || strip(ttlDays).equals(before.ttlDays)) {
            ttlDays = packed.ttlDays;
        }
        if (DEFAULT_REMINDER.equals(strip(reminderDays)) || strip(reminderDays).equals(before.reminderDays)) {
            reminderDays = packed.reminderDays;
        }
        filledByPack = pack == null ? null : packed;
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }

    /**
     * The request for the core. A lifetime that is not a whole number is passed on as an error the
     * core cannot make: the caller reports it itself.
     *
     * @param withTtl false on edit when the lifetime field was left empty: the expiry stays
     */
    CredentialRequest request(boolean withTtl) {
        Integer ttl = ttlDays == null || ttlDays.isBlank() ? null : Integer.valueOf(ttlDays.strip());
        Integer reminder =
                reminderDays == null || reminderDays.isBlank() ? null : Integer.valueOf(reminderDays.strip());
        return new CredentialRequest(
                name,
                owner,
                description,
                List.copyOf(scopes),
                lines(eventInterests),
                ttl,
                withTtl,
                reminder,
                lines(ipAllowlist));
    }

    /** The lines of a text area, trimmed, blank ones dropped; line numbers are kept by position. */
    static List<String> lines(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /** The 1-based line of the text area that the n-th non-blank entry came from. */
    static int lineOf(String text, int entry) {
        List<String> raw = text.lines().toList();
        int seen = -1;
        for (int i = 0; i < raw.size(); i++) {
            if (!raw.get(i).isBlank() && ++seen == entry) {
                return i + 1;
            }
        }
        return entry + 1;
    }

    public boolean isNeverExpires() {
        return ttlDays == null || ttlDays.isBlank();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public List<String> getScopes() {
        return scopes;
    }

    public void setScopes(List<String> scopes) {
        this.scopes = scopes == null ? new ArrayList<>() : new ArrayList<>(scopes);
    }

    public String getTtlDays() {
        return ttlDays;
    }

    public void setTtlDays(String ttlDays) {
        this.ttlDays = ttlDays;
    }

    public String getReminderDays() {
        return reminderDays;
    }

    public void setReminderDays(String reminderDays) {
        this.reminderDays = reminderDays;
    }

    public String getEventInterests() {
        return eventInterests;
    }

    public void setEventInterests(String eventInterests) {
        this.eventInterests = eventInterests;
    }

    public String getIpAllowlist() {
        return ipAllowlist;
    }

    public void setIpAllowlist(String ipAllowlist) {
        this.ipAllowlist = ipAllowlist;
    }
}
