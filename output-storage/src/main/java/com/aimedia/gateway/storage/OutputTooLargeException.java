package com.aimedia.gateway.storage;

import java.io.IOException;

/** An output longer than the bytes it was allowed; nothing was stored. */
public final class OutputTooLargeException extends IOException {

    private final long limit;

    public OutputTooLargeException(long limit) {
        super("output larger than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }

}
