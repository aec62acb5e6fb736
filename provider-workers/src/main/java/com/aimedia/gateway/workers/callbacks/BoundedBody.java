package com.aimedia.gateway.workers.callbacks;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Reads a request body of at most {@code maxBytes}: refused from its Content-Length
 * before reading anything, and otherwise (chunked) after reading one byte more than
 * allowed, never the rest.
 */
final class BoundedBody {

    /** The body is larger than allowed. */
    static final class TooLargeException extends Exception {

        private static final long serialVersionUID = 1L;

        TooLargeException() {
            super("request body too large");
        }

    }

    private BoundedBody() {
    }

    static byte[] read(HttpServletRequest request, int maxBytes) throws TooLargeException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            throw new TooLargeException();
        }
        InputStream in = request.getInputStream();
        byte[] body = in.readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            throw new TooLargeException();
        }
        return body;
    }

}
