package dev.agentry.core.providers;

import dev.agentry.core.agentloop.AgentProvider;
import dev.agentry.core.agentloop.Message;
import dev.agentry.core.agentloop.ProviderFailure;
import dev.agentry.core.agentloop.ProviderTurn;
import dev.agentry.core.json.Jsonp;
import dev.agentry.core.tools.ToolDescriptor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * The {@code openai-compatible} provider for one run: each turn is one Chat Completions request with
 * the whole conversation and the run's tools, sent through the fault-tolerance guards. Whatever fails
 * ends the run as {@code provider_error} with evidence in the server's own words.
 */
final class OpenAiCompatibleProvider implements AgentProvider {

    private final ChatCompletions client;
    private final ModelProvider provider;
    private final String model;
    private final List<ToolDescriptor> tools;

    OpenAiCompatibleProvider(ChatCompletions client, ModelProvider provider, String model, List<ToolDescriptor> tools) {
        this.client = client;
        this.provider = provider;
        this.model = model;
        this.tools = List.copyOf(tools);
    }

    @Override
    public ProviderTurn next(List<Message> conversation, BooleanSupplier stop) {
        if (!provider.apiKeyEnv().isEmpty() && provider.apiKey().isEmpty()) {
            throw new ProviderFailure(
                    "The model provider " + provider.name() + " has no key: the variable its api-key-env names is"
                            + " not set in the server's environment.",
                    Jsonp.createObjectBuilder()
                            .add("provider", provider.name())
                            .add("error", "missing_key")
                            .build());
        }
        // The newest message is this run's; a session's earlier runs (before it) have turns of their own.
        int turn = conversation.isEmpty()
                ? 1
                : conversation.get(conversation.size() - 1).turn() + 1;
        byte[] body = ChatRequest.body(model, provider.maxTokens(), conversation, tools)
                .toString()
                .getBytes(StandardCharsets.UTF_8);
        ChatCall call = new ChatCall(provider, body, stop);
        try {
            return client.complete(call).turn(turn, provider.name());
        } catch (ChatCall.Stopped e) {
            throw e;
        } catch (ProviderFailure e) {
            throw new ProviderFailure(
                    e.getMessage() + " Attempts: " + call.attempts + ".",
                    Jsonp.createObjectBuilder(e.evidence())
                            .add("attempts", call.attempts)
                            .build());
        } catch (CircuitBreakerOpenException e) {
            throw guard(
                    call,
                    call.lastFailure == null
                            ? "kept failing, so its circuit is open and it was not called; try again later"
                            : call.lastFailure + ", and then its circuit opened: it is not called for a while",
                    "circuit_open");
        } catch (TimeoutException e) {
            throw guard(call, "did not answer within the attempt's ceiling", "timeout");
        } catch (BulkheadException e) {
            throw guard(call, "has too many calls in flight from this server", "bulkhead_full");
        } catch (FaultToleranceException e) {
            throw guard(call, "could not be called", "fault_tolerance");
        }
    }

    private static ProviderFailure guard(ChatCall call, String what, String error) {
        return new ProviderFailure(
                ChatCompletionsAttempt.message(call, what) + " Attempts: " + call.attempts + ".", call.evidence(error));
    }
}
