package dev.agentry.core.webhooks;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * The start of a receiver's answer, as text: the first {@link #LIMIT} bytes, enough for an attempt's
 * excerpt and for any secret the receiver echoes within it to be seen whole and removed. A longer
 * answer is cut off there (its connection is dropped) instead of being read to its end.
 */
final class ResponseExcerpt implements HttpResponse.BodySubscriber<String> {

    /** {@link WebhookSender#EXCERPT} characters of up to four bytes each, and a secret straddling the end. */
    static final int LIMIT = 8192;

    private final CompletableFuture<String> text = new CompletableFuture<>();
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    @Override
    public CompletionStage<String> getBody() {
        return text;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (text.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            int take = Math.min(buffer.remaining(), LIMIT - kept.size());
            byte[] bytes = new byte[take];
            buffer.get(bytes);
            kept.writeBytes(bytes);
            if (buffer.hasRemaining()) {
                subscription.cancel();
                text.complete(decoded());
                return;
            }
        }
    }

    @Override
    public void onError(Throwable failure) {
        text.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        text.complete(decoded());
    }

    private String decoded() {
        return kept.toString(StandardCharsets.UTF_8);
    }
}
