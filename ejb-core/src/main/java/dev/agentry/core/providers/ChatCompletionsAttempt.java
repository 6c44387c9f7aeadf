package dev.agentry.core.providers;

import dev.agentry.core.agentloop.ProviderFailure;
import dev.agentry.core.json.JsonTree;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * One HTTP exchange with a provider's {@code /chat/completions}. The key goes into the {@code
 * Authorization} header and nowhere else; what a failure says is the status and the provider's
 * error type, never its body (which may quote the prompt).
 */
@ApplicationScoped
public class ChatCompletionsAttempt {

    /** The largest answer read; a longer one fails the attempt. */
    static final int MAX_ANSWER_BYTES = 8 * 1024 * 1024;

    private static final Pattern ERROR_TYPE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    @Resource
    ManagedExecutorService executor;

    private volatile HttpClient client;

    /**
     * {@code @Timeout}: the hard ceiling of an attempt whatever a provider's own timeout says (that one
     * is enforced inside, so a cancel also ends the wait). {@code @Bulkhead}: at most 16 calls in flight
     * from this server. The circuit breaker is per provider, around this call ({@link ProviderCircuits}).
     */
    @Timeout(value = 5, unit = ChronoUnit.MINUTES)
    @Bulkhead(16)
    public ChatReply send(ChatCall call) {
        call.attempts++;
        call.lastStatus = null;
        call.lastErrorType = null;
        ModelProvider provider = call.provider;
        HttpRequest.Builder request = HttpRequest.newBuilder(provider.completions())
                .timeout(provider.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(call.body));
        provider.apiKey().ifPresent(key -> request.header("Authorization", "Bearer " + key));
        Instant deadline = Instant.now().plus(provider.timeout());
        HttpResponse<byte[]> response = await(call, client().sendAsync(request.build(), info -> limited()), deadline);
        int status = response.statusCode();
        call.lastStatus = status;
        JsonObject body = parse(response.body());
        if (status == 200) {
            if (body == null) {
                throw failure(
                        call, "answered with a body that is not a Chat Completions response", "malformed_response");
            }
            return new ChatReply(body);
        }
        call.lastErrorType = errorType(body);
        String what = "answered HTTP " + status + (call.lastErrorType == null ? "" : " (" + call.lastErrorType + ")");
        if (status == 429 || status >= 500) {
            Optional<Duration> wait = retryAfter(response.headers().firstValue("Retry-After"));
            if (wait.isPresent() && wait.get().compareTo(ChatCall.MAX_RETRY_AFTER) > 0) {
                throw failure(
                        call, what + " and asked to wait " + wait.get().toSeconds() + " s", "retry_after_too_long");
            }
            wait.ifPresent(call::retryAfter);
            call.lastFailure = what;
            throw new ChatCall.Retryable(message(call, what), call.evidence("http_status"));
        }
        throw failure(call, what, "http_status");
    }

    private HttpResponse<byte[]> await(
            ChatCall call, CompletableFuture<HttpResponse<byte[]>> pending, Instant deadline) {
        while (true) {
            if (call.stop.getAsBoolean()) {
                pending.cancel(true);
                throw call.stopped();
            }
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (left <= 0) {
                pending.cancel(true);
                throw timedOut(call);
            }
            try {
                return pending.get(Math.min(left, 200), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                // not yet: look at the stop flag and the deadline again
            } catch (InterruptedException e) {
                // The attempt's @Timeout interrupted it and reports the timeout itself. The flag is not
                // set again: it would cut the retry's pause short.
                pending.cancel(true);
                throw timedOut(call);
            } catch (ExecutionException e) {
                if (causedBy(e, HttpTimeoutException.class)) {
                    throw timedOut(call);
                }
                if (causedBy(e, TooLarge.class)) {
                    throw failure(call, "answered with more than " + MAX_ANSWER_BYTES + " bytes", "answer_too_large");
                }
                throw failure(call, "could not be reached (" + connectionError(e.getCause()) + ")", "unreachable");
            }
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private ChatCall.Retryable timedOut(ChatCall call) {
        call.lastErrorType = "timeout";
        call.lastFailure = "did not answer within " + call.provider.timeout().toSeconds() + " s";
        return new ChatCall.Retryable(message(call, call.lastFailure), call.evidence("timeout"));
    }

    private static ProviderFailure failure(ChatCall call, String what, String error) {
        return new ProviderFailure(message(call, what), call.evidence(error));
    }

    static String message(ChatCall call, String what) {
        return "The model provider " + call.provider.name() + " " + what + ".";
    }

    /** The kind of network failure only: the exception's message may hold addresses. */
    private static String connectionError(Throwable cause) {
        return cause instanceof IOException ? "connection failed" : "request failed";
    }

    private static JsonObject parse(byte[] body) {
        try {
            return JsonTree.parse(new String(body, StandardCharsets.UTF_8)) instanceof JsonObject o ? o : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The provider's {@code error.type} (or {@code error.code}) when it is a plain identifier. */
    private static String errorType(JsonObject body) {
        if (body == null || !(body.get("error") instanceof JsonObject error)) {
            return null;
        }
        for (String member : List.of("type", "code")) {
            if (error.get(member) instanceof JsonString value
                    && ERROR_TYPE.matcher(value.getString()).matches()) {
                return value.getString();
            }
        }
        return null;
    }

    /** {@code Retry-After} as seconds or an HTTP date (RFC 9110); empty when absent or unreadable. */
    static Optional<Duration> retryAfter(Optional<String> header) {
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get().trim();
        try {
            if (value.matches("\\d{1,9}")) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            }
            Duration until = Duration.between(
                    Instant.now(),
                    ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                            .toInstant());
            return Optional.of(until.isNegative() ? Duration.ZERO : until);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private HttpClient client() {
        HttpClient current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    client = HttpClient.newBuilder()
                            .version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(Duration.ofSeconds(10))
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .executor(executor)
                            .build();
                }
                current = client;
            }
        }
        return current;
    }

    /** Reads a body up to {@link #MAX_ANSWER_BYTES}; past that it stops reading and fails. */
    private static HttpResponse.BodySubscriber<byte[]> limited() {
        return new HttpResponse.BodySubscriber<>() {
            private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            private final CompletableFuture<byte[]> result = new CompletableFuture<>();
            private Flow.Subscription subscription;

            @Override
            public CompletableFuture<byte[]> getBody() {
                return result;
            }

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                this.subscription = subscription;
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(List<ByteBuffer> buffers) {
                for (ByteBuffer buffer : buffers) {
                    if (result.isDone()) {
                        return;
                    }
                    if (bytes.size() + buffer.remaining() > MAX_ANSWER_BYTES) {
                        subscription.cancel();
                        result.completeExceptionally(new TooLarge());
                        return;
                    }
                    byte[] chunk = new byte[buffer.remaining()];
                    buffer.get(chunk);
                    bytes.writeBytes(chunk);
                }
            }

            @Override
            public void onError(Throwable error) {
                result.completeExceptionally(error);
            }

            @Override
            public void onComplete() {
                result.complete(bytes.toByteArray());
            }
        };
    }

    /** The answer passed {@link #MAX_ANSWER_BYTES}. */
    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
    }
}
