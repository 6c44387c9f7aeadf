package dev.agentry.core.tools;

import dev.agentry.core.sandbox.StepResult;
import java.util.Optional;

/** How {@code verify.run} runs a step: the run supplies its environment, deadline and records. */
@FunctionalInterface
public interface VerifyAccess {

    /** The step's result, or empty when the operator declared no step of that name. */
    Optional<StepResult> run(String step);
}
