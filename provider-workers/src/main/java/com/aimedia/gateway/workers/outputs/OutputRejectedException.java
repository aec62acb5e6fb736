package com.aimedia.gateway.workers.outputs;

import java.io.Serial;

/**
 * A provider output the gateway will never fetch or keep, whatever the next poll says: its URL names a host or an
 * address the download policy refuses, it redirects too often, it is too large, or the task has too many outputs.
 * The task fails. The message is safe to show: it names the rule, never the URL, an address or an HTTP status.
 */
public class OutputRejectedException extends OutputUnavailableException {

    @Serial
    private static final long serialVersionUID = 1L;

    public OutputRejectedException(String message) {
        super(message);
    }
}
