package dev.agentry.admin.credentials;

import dev.agentry.core.policy.CredentialRequest;
import dev.agentry.core.policy.CredentialView;
import dev.agentry.core.starterpacks.StarterPack;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the create and edit forms hold, as the admin typed it: lists are one entry per line. The
 * lifetime is a choice, like the best API-key consoles offer it: 7, 30, 60 or 90 days, a custom number
 * of days, or "never" — an explicit choice that must be confirmed and given a reason (kept in the
 * description, where whoever reviews the credential later reads it). On edit, "keep" leaves the expiry.
 */
public class CredentialForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String name;
    private String owner;
    private String description;
    private List<String> scopes = new ArrayList<>();
    /** The lifetime choices; "keep" only on edit. */
    public static final List<String> LIFETIMES = List.of("7", "30", "60", "90", "custom", "never");

    static final String DEFAULT_LIFETIME = "90";
    static final String DEFAULT_REMINDER = "14";

    private String lifetime = DEFAULT_LIFETIME;
    private String ttlDays = "";
    private boolean neverConfirmed;
    private String neverReason;
    private String reminderDays = DEFAULT_REMINDER;
    private String eventInterests = "";
    private String ipAllowlist = "";

    /** What the last starter pack filled in: a field still holding it is the pack's, not the admin's. */
    private CredentialForm filledByPack;

    static CredentialForm of(CredentialView view) {
        CredentialForm form = new CredentialForm();
        form.name = view.name();
        form.owner = view.owner();
        form.description = view.description();
        form.scopes = new ArrayList<>(view.scopes());
        form.lifetime = "keep";
        form.ttlDays = "";
        form.reminderDays = Integer.toString(view.reminderDays());
        form.eventInterests = String.join("\n", view.eventInterests());
        form.ipAllowlist = String.join("\n", view.ipAllowlist());
        return form;
    }

    /**
     * Fills in a starter pack's scopes, event interests, lifetime and reminder window — only where the admin
     * has not chosen: a field still empty (or at its default), or still as the previously chosen pack filled
     * it. So explicit choices win (an explicit "never" too), and switching packs replaces the previous pack's
     * values. No pack (null) takes back what the last one filled. The allowlist stays the admin's: only they
     * know where the client runs (the pack's hint says where it should point).
     */
    void applyPack(StarterPack pack) {
        CredentialForm before = filledByPack == null ? new CredentialForm() : filledByPack;
        CredentialForm packed = new CredentialForm();
        if (pack != null) {
            packed.scopes = new ArrayList<>(pack.scopes());
            packed.eventInterests = String.join("\n", pack.eventInterests());
            String days = Integer.toString(pack.ttlDays());
            packed.lifetime = LIFETIMES.contains(days) ? days : "custom";
            packed.ttlDays = LIFETIMES.contains(days) ? "" : days;
            packed.reminderDays = Integer.toString(pack.reminderDays());
        }
        if (scopes.isEmpty() || new HashSet<>(scopes).equals(new HashSet<>(before.scopes))) {
            scopes = new ArrayList<>(packed.scopes);
        }
        if (lines(eventInterests).isEmpty() || lines(eventInterests).equals(lines(before.eventInterests))) {
            eventInterests = packed.eventInterests;
        }
        if (sameLifetime(new CredentialForm()) || sameLifetime(before)) {
            lifetime = packed.lifetime;
            ttlDays = packed.ttlDays;
        }
        if (DEFAULT_REMINDER.equals(strip(reminderDays)) || strip(reminderDays).equals(before.reminderDays)) {
            reminderDays = packed.reminderDays;
        }
        filledByPack = pack == null ? null : packed;
    }

    private boolean sameLifetime(CredentialForm other) {
        return lifetime.equals(other.lifetime) && strip(ttlDays).equals(strip(other.ttlDays));
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }

    /**
     * The request for the core. A lifetime that is not a whole number is passed on as an error the
     * core cannot make: the caller reports it itself.
     *
     * and only after {@link #problems()} found none.
     */
    CredentialRequest request() {
        boolean withTtl = !"keep".equals(lifetime);
        Integer ttl = switch (lifetime) {
            case "keep", "never" -> null;
            case "custom" -> Integer.valueOf(ttlDays.strip());
            default -> Integer.valueOf(lifetime);
        };
        Integer reminder =
                reminderDays == null || reminderDays.isBlank() ? null : Integer.valueOf(reminderDays.strip());
        return new CredentialRequest(
                name,
                owner,
                describedWithReason(),
                List.copyOf(scopes),
                lines(eventInterests),
                ttl,
                withTtl,
                reminder,
                lines(ipAllowlist));
    }

    /** The console's own checks of the lifetime, as field (input id) to message key; empty when fine. */
    Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if ("custom".equals(lifetime) && (ttlDays == null || !ttlDays.strip().matches("\\d{1,5}"))) {
            problems.put("ttlDays", "credential.notANumber");
        }
        if (reminderDays != null
                && !reminderDays.isBlank()
                && !reminderDays.strip().matches("\\d{1,5}")) {
            problems.put("reminderDays", "credential.notANumber");
        }
        if ("never".equals(lifetime)) {
            if (!neverConfirmed) {
                problems.put("neverConfirmed", "credential.neverConfirm");
            }
            if (neverReason == null || neverReason.isBlank()) {
                problems.put("neverReason", "credential.neverReasonMissing");
            }
        }
        return problems;
    }

    /** The description, with the reason for "never" added where reviewers will read it. */
    private String describedWithReason() {
        if (!"never".equals(lifetime) || neverReason == null || neverReason.isBlank()) {
            return description;
        }
        String reason = "Never expires: " + neverReason.strip();
        return description == null || description.isBlank() ? reason : description.strip() + " — " + reason;
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
        return "never".equals(lifetime);
    }

    public String getLifetime() {
        return lifetime;
    }

    public void setLifetime(String lifetime) {
        this.lifetime = lifetime == null ? "90" : lifetime;
    }

    public boolean isNeverConfirmed() {
        return neverConfirmed;
    }

    public void setNeverConfirmed(boolean neverConfirmed) {
        this.neverConfirmed = neverConfirmed;
    }

    public String getNeverReason() {
        return neverReason;
    }

    public void setNeverReason(String neverReason) {
        this.neverReason = neverReason;
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
