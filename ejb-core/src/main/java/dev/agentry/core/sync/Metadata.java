package dev.agentry.core.sync;

/** A checkpoint's free-form metadata: a JSON object, stored as text. */
final class Metadata {

    static final int MAX_CHARS = 4000;

    private Metadata() {}
}
