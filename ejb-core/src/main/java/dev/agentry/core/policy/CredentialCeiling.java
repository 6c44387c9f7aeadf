package dev.agentry.core.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The grant ceiling on the credentials boundary (SPEC section 3), so that managing credentials never
 * widens anyone's reach:
 *
 * <ul>
 *   <li>a caller grants, and sets on another credential, only scopes it holds itself;
 *   <li>it sees and acts on (reads, changes, pauses, resumes, rotates, revokes, deletes) only
 *       credentials whose scopes are a subset of its own — its own included;
 *   <li>it never changes its own scopes, event interests, IP allowlist or expiry: those are what
 *       another manager (or the console) decided about it. Its name, owner, description and reminder
 *       window stay its own to edit.
 * </ul>
 *
 * "Its own" scopes are those of the {@link Grant}: what its token was granted and its credential still
 * holds, so a token narrowed with {@code scope} is a weaker manager. Each question answers the refusal's
 * detail (naming the scopes or fields), or nothing when the ceiling allows it.
 */
record CredentialCeiling(Grant caller) {

    /** Whether the caller may see and act on a credential holding {@code scopes}. */
    boolean covers(Collection<String> scopes) {
        return caller.beyondCeiling(scopes).isEmpty();
    }

    /** Refuses granting scopes the caller lacks, on a new credential or on another one. */
    Optional<String> refusesGranting(Collection<String> scopes) {
        List<String> beyond = caller.beyondCeiling(scopes);
        return beyond.isEmpty()
                ? Optional.empty()
                : Optional.of("You can only grant scopes you hold yourself; you do not hold "
                        + String.join(", ", beyond) + ".");
    }

    /** Refuses acting on a credential that holds scopes beyond the caller's. */
    Optional<String> refusesActingOn(String targetId, Collection<String> targetScopes) {
        List<String> beyond = caller.beyondCeiling(targetScopes);
        return beyond.isEmpty()
                ? Optional.empty()
                : Optional.of("Credential " + targetId + " holds scopes you do not hold (" + String.join(", ", beyond)
                        + "); only a credential holding all its scopes can manage it.");
    }

    /**
     * Refuses a change: acting on the target at all, then a self-change of what bounds the caller's
     * reach (whatever the value: naming the field is the attempt), then granting beyond the ceiling.
     */
    Optional<String> refusesChange(String targetId, Collection<String> targetScopes, CredentialRequest change) {
        Optional<String> acting = refusesActingOn(targetId, targetScopes);
        if (acting.isPresent()) {
            return acting;
        }
        if (caller.credentialId().equals(targetId)) {
            List<String> bounds = new ArrayList<>();
            if (change.scopes() != null) bounds.add("scopes");
            if (change.eventInterests() != null) bounds.add("eventInterests");
            if (change.ipAllowlist() != null) bounds.add("ipAllowlist");
            if (change.ttlDaysGiven()) bounds.add("ttlDays");
            if (!bounds.isEmpty()) {
                return Optional.of("A credential cannot change its own " + String.join(", ", bounds)
                        + "; another credential managing it must.");
            }
        }
        return change.scopes() == null ? Optional.empty() : refusesGranting(change.scopes());
    }
}
