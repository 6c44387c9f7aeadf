package dev.agentry.core.runs;

import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;
import java.util.Locale;

/**
 * Writes a run enum by its wire name ({@code timed_out}, not JSON-B's default {@code TIMED_OUT}), the
 * name its column holds too.
 */
public class WireName implements JsonbSerializer<Enum<?>> {

    @Override
    public void serialize(Enum<?> value, JsonGenerator generator, SerializationContext context) {
        generator.write(value.name().toLowerCase(Locale.ROOT));
    }
}
