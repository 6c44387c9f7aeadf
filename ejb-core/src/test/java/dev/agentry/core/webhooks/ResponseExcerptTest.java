package dev.agentry.core.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

class ResponseExcerptTest {

    private boolean cancelled;

    private ResponseExcerpt subscribed() {
        ResponseExcerpt excerpt = new ResponseExcerpt();
        excerpt.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {}

            @Override
            public void cancel() {
                cancelled = true;
            }
        });
        return excerpt;
    }

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aShortAnswerIsKeptWhole() {
        ResponseExcerpt excerpt = subscribed();
        excerpt.onNext(List.of(bytes("receiver "), bytes("says ok")));
        excerpt.onComplete();
        assertEquals("receiver says ok", excerpt.getBody().toCompletableFuture().join());
        assertFalse(cancelled);
    }

    @Test
    void anAnswerOfExactlyTheLimitIsReadToItsEnd() {
        ResponseExcerpt excerpt = subscribed();
        excerpt.onNext(List.of(bytes("a".repeat(ResponseExcerpt.LIMIT))));
        excerpt.onComplete();
        assertEquals(
                ResponseExcerpt.LIMIT,
                excerpt.getBody().toCompletableFuture().join().length());
        assertFalse(cancelled);
    }

    @Test
    void aLongerAnswerIsCutOffAtTheLimitWithoutWaitingForItsEnd() {
        ResponseExcerpt excerpt = subscribed();
        excerpt.onNext(List.of(bytes("b".repeat(ResponseExcerpt.LIMIT - 10)), bytes("c".repeat(100))));
        assertTrue(cancelled);
        String text = excerpt.getBody().toCompletableFuture().join();
        assertEquals(ResponseExcerpt.LIMIT, text.length());
        assertTrue(text.endsWith("cccccccccc"));
        excerpt.onNext(List.of(bytes("ignored")));
        assertEquals(text, excerpt.getBody().toCompletableFuture().join());
    }
}
