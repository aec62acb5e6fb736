package com.aimedia.gateway.urlguard;

import java.io.Serial;

/**
 * The callback URL is well formed but its host name did not resolve (no such name, or the
 * resolver failed). Unlike other refusals this may be temporary: a sender retries it on
 * its schedule, while an API refuses it at submit time like any other rejected URL.
 */
public class UnresolvedHostException extends RejectedUrlException {

    @Serial
    private static final long serialVersionUID = 1L;

    public UnresolvedHostException() {
        super("callback_url host does not resolve");
    }

}
