package com.aimedia.gateway.workers.outputs;

import java.io.Serial;

import com.aimedia.gateway.workers.provider.spi.ErrorCode;

/**
 * A provider output the gateway will never fetch or keep, whatever the next poll says:
 * its URL names a host or an address the download policy refuses, it redirects too often,
 * it is too large, the task has too many outputs, or the tenant reached its daily byte
 * limit. The task fails with {@link #code()}. The message is safe to show: it names the
 * rule, never the URL, an address or an HTTP status.
 */
public class OutputRejectedException extends OutputUnavailableException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    /**
     * A refusal by the download policy or the size caps, reported as a provider error.
     */
    public OutputRejectedException(String message) {
        this(ErrorCode.PROVIDER_ERROR, message);
    }

    public OutputRejectedException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

}
