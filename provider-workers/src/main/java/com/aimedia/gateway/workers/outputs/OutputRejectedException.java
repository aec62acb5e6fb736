package com.aimedia.gateway.workers.outputs;

import com.aimedia.gateway.workers.provider.spi.ErrorCode;

/** An output the gateway will not store, whenever it is tried (a tenant's daily byte limit); the task fails. */
public class OutputRejectedException extends RuntimeException {

    private final ErrorCode code;

    public OutputRejectedException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
