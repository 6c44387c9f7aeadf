package dev.agentry.core.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentry.core.problem.FieldError;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class SecretEnvRuleTest {

    /** The server's environment as the rule sees it. */
    private static final Map<String, String> SERVER =
            Map.of("DEPLOY_TOKEN", "t0ken-value", "HOME", "/home/wildfly", "PATH", "/usr/bin", "LANG", "C.UTF-8");

    private static final UnaryOperator<String> ENV = SERVER::get;

    private final SecretEnvRule rule =
            SecretEnvRule.of(List.of(" DEPLOY_TOKEN", "UNSET_BUT_LISTED", "HOME", "PATH", "LANG", ""), Set.of("LANG"));

    @Test
    void homePathAndTheEnvAllowlistAreNeverSecretsEvenWhenListed() {
        assertEquals(Set.of("DEPLOY_TOKEN", "UNSET_BUT_LISTED"), rule.allowed());
        assertEquals(Set.of("HOME", "PATH", "LANG"), rule.ignored());
        assertEquals(Map.of(), rule.values(List.of("HOME", "PATH", "LANG"), ENV), "no secret replaces HOME");
    }

    @Test
    void onlyListedSetNamesArePassedAndEveryOtherNameGetsTheSameRefusal() {
        assertEquals(Map.of("DEPLOY_TOKEN", "t0ken-value"), rule.values(List.of("DEPLOY_TOKEN", "JAVA_HOME"), ENV));
        assertEquals(List.of(), rule.refusals(List.of("DEPLOY_TOKEN"), ENV));
        // Set on the server or not, listed or not, reserved or not: one code, one message.
        List<FieldError> refused = rule.refusals(
                List.of("HOME", "JAVA_HOME", "NOT_SET_ANYWHERE", "UNSET_BUT_LISTED", "LANG", "DEPLOY_TOKEN"), ENV);
        assertEquals(5, refused.size());
        assertEquals(
                List.of("secretEnv[0]", "secretEnv[1]", "secretEnv[2]", "secretEnv[3]", "secretEnv[4]"),
                refused.stream().map(FieldError::field).toList());
        assertEquals(
                Set.of("unknown_secret " + SecretEnvRule.REFUSAL),
                refused.stream().map(e -> e.code() + " " + e.message()).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void nothingIsASecretByDefault() {
        SecretEnvRule none = SecretEnvRule.of(List.of(), Set.of("PATH"));
        assertEquals(1, none.refusals(List.of("DEPLOY_TOKEN"), ENV).size());
    }
}
