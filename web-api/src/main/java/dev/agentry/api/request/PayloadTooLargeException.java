package dev.agentry.api.request;

import java.io.IOException;

/** Raised while reading a request body that turns out longer than the configured limit. */
public class PayloadTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    public PayloadTooLargeException(long limit) {
        super("request body exceeds " + limit + " bytes");
    }
}
