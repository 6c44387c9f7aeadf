package dev.agentry.core.validation;

import jakarta.validation.Payload;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Payloads that give a standard constraint the code callers have always received where the default
 * mapping in {@link Violations} would name it differently, e.g. {@code @Size(min = 1, max = 100,
 * payload = Codes.OutOfRange.class)} on a list is {@code out_of_range}, not {@code too_many}.
 */
public final class Codes {

    /** {@code out_of_range}. */
    public interface OutOfRange extends Payload {}

    /** {@code required}: for a constraint other than {@code @NotNull}/{@code @NotBlank} that says a value is missing. */
    public interface Required extends Payload {}

    /** {@code invalid}. */
    public interface Invalid extends Payload {}

    /** {@code unsupported}: a version of a contract this server does not read. */
    public interface Unsupported extends Payload {}

    /** {@code not_allowed}: a field that may not be given here. */
    public interface NotAllowed extends Payload {}

    private static final Map<Class<? extends Payload>, String> CODES = Map.of(
            OutOfRange.class,
            "out_of_range",
            Invalid.class,
            "invalid",
            NotAllowed.class,
            "not_allowed",
            Unsupported.class,
            "unsupported",
            Required.class,
            "required");

    private Codes() {}

    static Optional<String> of(Set<Class<? extends Payload>> payload) {
        return payload.stream().map(CODES::get).filter(code -> code != null).findFirst();
    }
}
