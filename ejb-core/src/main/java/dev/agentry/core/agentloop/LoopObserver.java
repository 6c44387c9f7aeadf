package dev.agentry.core.agentloop;

import dev.agentry.core.tools.ToolCall;
import dev.agentry.core.tools.ToolOutcome;
import dev.agentry.persistence.runs.StopReason;
import java.time.Instant;

/** What the loop reports as it goes; the run persists it as evidence. */
public interface LoopObserver {

    void message(Message message);

    void toolCall(ToolCall call, ToolOutcome outcome, Instant started, Instant finished);

    /** A turn's answer arrived, with the tokens it cost (null when the provider does not say). */
    default void turn(int turn, TokenUsage usage) {}

    /** Why the run must stop now ({@code CANCELLED}, {@code TIMEOUT}, {@code ENDED}), or null to go on. */
    StopReason stopReason();
}
