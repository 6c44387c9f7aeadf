package dev.agentry.api.mcp;

import dev.agentry.core.problem.ErrorCode;

/**
 * A JSON-RPC 2.0 error (section 5.1), with the Agentry code its {@code data} carries and the HTTP status the
 * Streamable HTTP transport answers it with: a message the server could not take at all is an HTTP error
 * (400, 404, 413); a request it took but could not serve is answered 200 with the error.
 */
final class JsonRpcError extends RuntimeException {

    static final int PARSE_ERROR = -32700;
    static final int INVALID_REQUEST = -32600;
    static final int METHOD_NOT_FOUND = -32601;
    static final int INVALID_PARAMS = -32602;
    static final int INTERNAL_ERROR = -32603;

    private static final long serialVersionUID = 1L;

    private final int rpcCode;
    private final transient ErrorCode code;
    private final int httpStatus;

    JsonRpcError(int rpcCode, ErrorCode code, int httpStatus, String message) {
        super(message, null, false, false);
        this.rpcCode = rpcCode;
        this.code = code;
        this.httpStatus = httpStatus;
    }

    /** A message the server cannot take: answered with an HTTP error status. */
    static JsonRpcError refused(int rpcCode, ErrorCode code, String message) {
        return new JsonRpcError(rpcCode, code, code.status(), message);
    }

    /** A request taken but not served: answered 200, with the error in the JSON-RPC response. */
    static JsonRpcError answered(int rpcCode, ErrorCode code, String message) {
        return new JsonRpcError(rpcCode, code, 200, message);
    }

    static JsonRpcError invalidParams(String message) {
        return answered(INVALID_PARAMS, ErrorCode.VALIDATION_FAILED, message);
    }

    int rpcCode() {
        return rpcCode;
    }

    ErrorCode code() {
        return code;
    }

    int httpStatus() {
        return httpStatus;
    }
}
