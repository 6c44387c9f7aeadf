package dev.agentry.core.policy;

import dev.agentry.core.Boundary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The switch of the experimental governed-write surface (SPEC section 10), {@code
 * agentry.writes.experimental}, off unless the operator turns it on. Off: every control route answers
 * {@code writes_disabled}, and the control scopes are neither offered nor granted, so no credential can
 * come to hold one by accident.
 */
@Boundary
@ApplicationScoped
public class GovernedWrites {

    /** The configuration key (environment variable {@code AGENTRY_WRITES_EXPERIMENTAL}). */
    public static final String KEY = "agentry.writes.experimental";

    /** Off unless the operator says otherwise. */
    static final String DEFAULT = "false";

    @Inject
    @ConfigProperty(name = KEY, defaultValue = DEFAULT)
    boolean enabled;

    protected GovernedWrites() {
        // for CDI
    }

    /** The switch as given, for plain tests of the rules it decides. */
    public GovernedWrites(boolean enabled) {
        this.enabled = enabled;
    }

    /** The switch as configured, for code that runs outside CDI (the OpenAPI document's filter). */
    public static GovernedWrites configured() {
        return new GovernedWrites(
                ConfigProvider.getConfig().getOptionalValue(KEY, Boolean.class).orElse(Boolean.parseBoolean(DEFAULT)));
    }

    public boolean enabled() {
        return enabled;
    }

    /** Every scope a credential may be given now: the control scopes only while governed writes are on. */
    public List<GrantableScope> offeredScopes() {
        return enabled ? ScopeCatalog.ALL : ScopeCatalog.offered();
    }

    /** The scopes of {@code wanted} that cannot be granted now (control scopes while writes are off), in order. */
    public List<String> ungrantable(Collection<String> wanted) {
        if (enabled) {
            return List.of();
        }
        return wanted.stream()
                .filter(scope -> ScopeCatalog.named(scope)
                        .map(GrantableScope::governedWrites)
                        .orElse(false))
                .toList();
    }
}
