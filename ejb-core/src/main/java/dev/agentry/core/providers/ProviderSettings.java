package dev.agentry.core.providers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * The operator's model providers, by name: every {@code agentry.providers.<name>.base-url} declares
 * one, with {@code .model}, {@code .api-key-env}, {@code .timeout} and {@code .max-tokens} beside it
 * (README, "Model providers"). Read once; a provider whose settings are wrong is refused at startup
 * with a log line naming the setting, never its value.
 */
@ApplicationScoped
public class ProviderSettings {

    private static final Logger LOG = Logger.getLogger(ProviderSettings.class);

    static final String PREFIX = "agentry.providers.";
    private static final Pattern BASE_URL =
            Pattern.compile(Pattern.quote(PREFIX) + "([a-z][a-z0-9-]{0,49})\\.base-url");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    static final int DEFAULT_MAX_TOKENS = 4096;

    private volatile Map<String, ModelProvider> providers;

    void load(@Observes Startup startup) {
        providers();
    }

    public Optional<ModelProvider> named(String name) {
        return Optional.ofNullable(providers().get(name));
    }

    /** The configured names; {@code scripted} is not among them. */
    public Set<String> names() {
        return providers().keySet();
    }

    /**
     * The provider names configured in this server, read straight from MicroProfile Config: for the
     * agent definition's validation, which runs where no bean can be injected.
     */
    public static Set<String> configuredNames() {
        return read(ConfigProvider.getConfig()).keySet();
    }

    private Map<String, ModelProvider> providers() {
        Map<String, ModelProvider> read = providers;
        if (read == null) {
            read = read(ConfigProvider.getConfig());
            read.values().forEach(p -> {
                if (!p.apiKeyEnv().isEmpty() && p.apiKey().isEmpty()) {
                    LOG.warnf(
                            "Model provider %s: the environment variable %s named by api-key-env is not set;"
                                    + " its calls go without a key.",
                            p.name(), p.apiKeyEnv());
                }
            });
            providers = read;
        }
        return read;
    }

    private static Map<String, ModelProvider> read(Config config) {
        Map<String, ModelProvider> found = new TreeMap<>();
        for (String property : config.getPropertyNames()) {
            Matcher name = BASE_URL.matcher(property);
            if (!name.matches() || name.group(1).equals("scripted")) {
                continue;
            }
            provider(config, name.group(1)).ifPresent(p -> found.put(p.name(), p));
        }
        return Collections.unmodifiableMap(found);
    }

    private static Optional<ModelProvider> provider(Config config, String name) {
        String key = PREFIX + name + ".";
        try {
            URI baseUrl =
                    URI.create(config.getValue(key + "base-url", String.class).trim());
            if (!("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme()))
                    || baseUrl.getHost() == null
                    || baseUrl.getUserInfo() != null) {
                return refused(name, "base-url is an http or https URL without user information");
            }
            String env = config.getOptionalValue(key + "api-key-env", String.class)
                    .orElse("")
                    .trim();
            if (!env.isEmpty() && !ENV_NAME.matcher(env).matches()) {
                return refused(name, "api-key-env is the name of an environment variable");
            }
            Duration timeout = config.getOptionalValue(key + "timeout", String.class)
                    .map(Duration::parse)
                    .orElse(DEFAULT_TIMEOUT);
            int maxTokens =
                    config.getOptionalValue(key + "max-tokens", Integer.class).orElse(DEFAULT_MAX_TOKENS);
            if (timeout.isNegative() || timeout.isZero() || maxTokens < 1) {
                return refused(name, "timeout and max-tokens are positive");
            }
            String model = config.getOptionalValue(key + "model", String.class)
                    .orElse("")
                    .trim();
            return Optional.of(new ModelProvider(name, baseUrl, model, env, timeout, maxTokens));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return refused(name, "base-url is a URL, timeout an ISO-8601 duration, max-tokens a number");
        }
    }

    private static Optional<ModelProvider> refused(String name, String rule) {
        LOG.errorf("Model provider %s is not available: %s.", name, rule);
        return Optional.empty();
    }
}
