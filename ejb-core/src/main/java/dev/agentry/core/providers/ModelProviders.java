package dev.agentry.core.providers;

import dev.agentry.core.agentloop.AgentProvider;
import dev.agentry.core.agentloop.ScriptedProvider;
import dev.agentry.core.tools.ToolCatalog;
import dev.agentry.core.tools.ToolDescriptor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The provider behind a run: {@code scripted}, or one of the operator's {@code openai-compatible}
 * providers by name. Also the one rule of which provider and model a task may use.
 */
@ApplicationScoped
public class ModelProviders {

    public static final String SCRIPTED = "scripted";

    @Inject
    ProviderSettings settings;

    @Inject
    ChatCompletions client;

    /** Whether a run may name this provider: {@code scripted} or a configured one. */
    public boolean exists(String name) {
        return SCRIPTED.equals(name) || settings.named(name).isPresent();
    }

    /**
     * The model a run uses: the task's, else the agent's, else the provider's; empty when none is
     * known (a configured provider without a model, an agent and task silent).
     */
    public Optional<String> model(String provider, String agentModel, String taskModel) {
        if (taskModel != null && !taskModel.isBlank()) {
            return Optional.of(taskModel);
        }
        if (agentModel != null && !agentModel.isBlank()) {
            return Optional.of(agentModel);
        }
        if (SCRIPTED.equals(provider)) {
            return Optional.of(SCRIPTED);
        }
        return settings.named(provider).map(ModelProvider::model).filter(m -> !m.isBlank());
    }

    /** The values a run must redact beside its own secrets: the provider's key, if it has one. */
    public List<String> secrets(String provider) {
        return settings.named(provider).flatMap(ModelProvider::apiKey).stream().toList();
    }

    /** The provider for one run, offered the run's effective tools. */
    public AgentProvider forRun(String provider, String model, Collection<String> tools, JsonArray script) {
        if (SCRIPTED.equals(provider)) {
            return new ScriptedProvider(script == null ? JsonValue.EMPTY_JSON_ARRAY : script);
        }
        ModelProvider configured =
                settings.named(provider).orElseThrow(() -> new IllegalStateException("no provider " + provider));
        List<ToolDescriptor> offered = tools.stream()
                .sorted()
                .map(name -> ToolCatalog.named(name).orElseThrow())
                .toList();
        return new OpenAiCompatibleProvider(client, configured, model, offered);
    }
}
