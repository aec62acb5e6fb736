package com.aimedia.gateway.urlguard;

import java.io.Serial;

/**
 * A callback URL was refused. The message is written for the API user: it names the rule
 * that was broken and never contains resolved addresses or other internals, so it can be
 * returned to the client as is.
 */
public class RejectedUrlException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String reason;

    public RejectedUrlException(String reason) {
        super(reason);
        this.reason = reason;
    }

    /** The user-facing reason, identical to {@link #getMessage()}. */
    public String reason() {
        return reason;
    }

}
