package com.aimedia.gateway.platform.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

/**
 * A request body that fails once more than {@code maxBytes} were read or once its read
 * deadline passed (a client that sends one byte now and then keeps each single read
 * short, so only a deadline over the whole body stops it).
 */
final class LimitedInputStream extends ServletInputStream {

    /** The body went past the size limit. */
    static final class BodyTooLargeException extends IOException {

        private static final long serialVersionUID = 1L;

        BodyTooLargeException(long maxBytes) {
            super("request body larger than " + maxBytes + " bytes");
        }

    }

    /** Reading the body took longer than allowed. */
    static final class BodyReadTimeoutException extends IOException {

        private static final long serialVersionUID = 1L;

        BodyReadTimeoutException() {
            super("request body read too slowly");
        }

    }

    private final ServletInputStream in;

    private final long maxBytes;

    private final Instant deadline;

    private final Clock clock;

    private long read;

    LimitedInputStream(ServletInputStream in, long maxBytes, Instant deadline, Clock clock) {
        this.in = in;
        this.maxBytes = maxBytes;
        this.deadline = deadline;
        this.clock = clock;
    }

    @Override
    public int read() throws IOException {
        checkDeadline();
        int b = in.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        checkDeadline();
        // never ask for more than one byte past the limit, so an oversized body is not
        // buffered
        int n = in.read(buffer, offset, (int) Math.min(length, maxBytes - read + 1));
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void checkDeadline() throws BodyReadTimeoutException {
        if (clock.instant().isAfter(deadline)) {
            throw new BodyReadTimeoutException();
        }
    }

    private void count(int bytes) throws IOException {
        read += bytes;
        if (read > maxBytes) {
            throw new BodyTooLargeException(maxBytes);
        }
        checkDeadline();
    }

    @Override
    public boolean isFinished() {
        return in.isFinished();
    }

    @Override
    public boolean isReady() {
        return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
        in.setReadListener(listener);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

}
