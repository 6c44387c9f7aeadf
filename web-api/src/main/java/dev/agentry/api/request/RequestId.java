package dev.agentry.api.request;

import jakarta.servlet.ServletRequest;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id that ties a response to its server log lines. A caller's own id is kept when it is sane
 * (short, and only characters safe in headers and logs); anything else is replaced, so a hostile
 * header can neither forge log lines nor bloat them.
 */
public final class RequestId {

    public static final String HEADER = "X-Request-Id";

    static final String ATTRIBUTE = RequestId.class.getName();

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    private RequestId() {}

    static String acceptOrGenerate(String incoming) {
        if (incoming != null && SANE.matcher(incoming).matches()) {
            return incoming;
        }
        return UUID.randomUUID().toString();
    }

    /** The current request's id, as assigned by {@link RequestIdFilter}. */
    public static String of(ServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        return id == null ? null : id.toString();
    }
}
