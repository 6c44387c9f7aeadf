package dev.agentry.persistence.runs;

import jakarta.persistence.AttributeConverter;
import java.util.Locale;
import java.util.Optional;

/**
 * The lower-case names the run enums have in their columns and on the wire ({@code timed_out} for
 * {@code TIMED_OUT}). The columns held these strings before the enums existed, so a converter rather
 * than {@code @Enumerated(STRING)} keeps every stored row readable without a migration.
 */
final class WireNames {

    private WireNames() {}

    static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
        for (E value : type.getEnumConstants()) {
            if (of(value).equals(text)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** A column holding one of {@code type}'s wire names; a name no constant has is a broken row. */
    abstract static class Converter<E extends Enum<E>> implements AttributeConverter<E, String> {

        private final Class<E> type;

        Converter(Class<E> type) {
            this.type = type;
        }

        @Override
        public String convertToDatabaseColumn(E value) {
            return value == null ? null : of(value);
        }

        @Override
        public E convertToEntityAttribute(String column) {
            return column == null
                    ? null
                    : parse(type, column)
                            .orElseThrow(() -> new IllegalStateException(
                                    "no " + type.getSimpleName() + " is stored as " + column));
        }
    }
}
