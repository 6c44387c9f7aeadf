package dev.agentry.core.runs;

import dev.agentry.core.problem.FieldError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Which of the server's environment variables a task may pass to its verify steps as secrets
 * ({@code secretEnv}): only names the operator listed in {@code agentry.runs.secret-env}. Names the
 * step's environment already gives a meaning — {@code HOME} (the workspace), {@code PATH} and the env
 * allowlist's — can never be secrets: listed anyway, they are ignored (and reported at startup), so a
 * secret can never replace the workspace's {@code HOME} nor expose a variable the operator meant as
 * plain configuration. Every other name is refused with one and the same message whether or not the
 * server has such a variable, so the answer tells nothing about the server's environment.
 *
 * @param allowed the listed names a task may pass
 * @param ignored the listed names that can never be secrets
 */
public record SecretEnvRule(Set<String> allowed, Set<String> ignored) {

    /** Never secrets, whatever the configuration says. */
    public static final Set<String> RESERVED = Set.of("HOME", "PATH");

    static final String REFUSAL = "not a variable the operator lets tasks pass as a secret";

    public SecretEnvRule {
        allowed = Set.copyOf(allowed);
        ignored = Set.copyOf(ignored);
    }

    /** The rule for the configured names, with the env allowlist's names (and HOME, PATH) reserved. */
    public static SecretEnvRule of(Collection<String> configured, Collection<String> envAllowlist) {
        Set<String> allowed = new LinkedHashSet<>();
        Set<String> ignored = new LinkedHashSet<>();
        for (String entry : configured) {
            String name = entry.strip();
            if (name.isEmpty()) {
                continue;
            }
            if (RESERVED.contains(name) || envAllowlist.contains(name)) {
                ignored.add(name);
            } else {
                allowed.add(name);
            }
        }
        return new SecretEnvRule(allowed, ignored);
    }

    /** One refusal per name a task may not pass (not allowed, or allowed but unset): the same for each. */
    public List<FieldError> refusals(List<String> names, UnaryOperator<String> environment) {
        List<FieldError> refused = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (value(names.get(i), environment) == null) {
                refused.add(new FieldError("secretEnv[" + i + "]", "unknown_secret", REFUSAL));
            }
        }
        return refused;
    }

    /** The values of the names a task may pass, by name; any other name is left out. */
    public Map<String, String> values(List<String> names, UnaryOperator<String> environment) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : names) {
            String value = value(name, environment);
            if (value != null) {
                values.put(name, value);
            }
        }
        return values;
    }

    private String value(String name, UnaryOperator<String> environment) {
        return allowed.contains(name) ? environment.apply(name) : null;
    }
}
