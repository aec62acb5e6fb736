package com.aimedia.gateway.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock that only moves when a test moves it. Volatile, because the code under test
 * often reads it on another thread (a listener, a scheduler, a second replica in the same
 * JVM).
 */
public final class MutableClock extends Clock {

    private volatile Instant now;

    public MutableClock(Instant start) {
        this.now = start;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /**
     * Stays in UTC: the gateway keeps every instant in UTC, and a test that asks for
     * another zone shares this clock.
     */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

}
