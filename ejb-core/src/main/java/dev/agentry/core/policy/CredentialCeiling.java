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
 *   <li>bounded itself in addresses or time, it creates, sets and acts on only credentials that reach no
 *       further ({@link CredentialReach}): no twin without its allowlist or expiry, no rotating one out.
 * </ul>
 *
 * "Its own" scopes are those of the {@link Grant}: what its token was granted and its credential still
 * holds, so a token narrowed with {@code scope} is a weaker manager. Each question answers the refusal's
 * detail (naming the scopes or fields), or nothing when the ceiling allows it.
 */
record CredentialCeiling(Grant caller, CredentialReach callerReach) {

    /** A caller bounded by nothing but its scopes. */
    CredentialCeiling(Grant caller) {
        this(caller, CredentialReach.UNBOUNDED);
    }

    /** Whether the caller may see and act on a credential holding {@code scopes} with {@code reach}. */
    boolean covers(Collection<String> scopes, CredentialReach reach) {
        return caller.beyondCeiling(scopes).isEmpty() && reach.within(callerReach);
    }

    /** Refuses a credential (new, or as a change would leave it) reaching further than the caller. */
    Optional<String> refusesReach(CredentialReach wanted) {
        List<String> beyond = new ArrayList<>();
        if (!wanted.addressesWithin(callerReach)) beyond.add("its IP allowlist must lie within yours");
        if (!wanted.timeWithin(callerReach)) beyond.add("it must expire no later than you do");
        return beyond.isEmpty()
                ? Optional.empty()
                : Optional.of("The credential would reach further than you: " + String.join("; ", beyond) + ".");
    }

    /** Refuses granting scopes the caller lacks, on a new credential or on another one. */
    Optional<String> refusesGranting(Collection<String> scopes) {
        List<String> beyond = caller.beyondCeiling(scopes);
        return beyond.isEmpty()
                ? Optional.empty()
                : Optional.of("You can only grant scopes you hold yourself; you do not hold "
                        + String.join(", ", beyond) + ".");
    }

    /** Refuses acting on a credential that holds scopes beyond the caller's, or reaches further. */
    Optional<String> refusesActingOn(String targetId, Collection<String> targetScopes, CredentialReach targetReach) {
        List<String> beyond = caller.beyondCeiling(targetScopes);
        if (!beyond.isEmpty()) {
            return Optional.of("Credential " + targetId + " holds scopes you do not hold (" + String.join(", ", beyond)
                    + "); only a credential holding all its scopes can manage it.");
        }
        return targetReach.within(callerReach)
                ? Optional.empty()
                : Optional.of("Credential " + targetId + " may be used from more addresses or for longer than you;"
                        + " only a credential reaching at least as far can manage it.");
    }

    /**
     * Refuses a change: acting on the target at all, then a self-change of what bounds the caller's
     * reach (whatever the value: naming the field is the attempt), then granting beyond the ceiling.
     */
    Optional<String> refusesChange(
            String targetId, Collection<String> targetScopes, CredentialReach targetReach, CredentialRequest change) {
        Optional<String> acting = refusesActingOn(targetId, targetScopes, targetReach);
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
