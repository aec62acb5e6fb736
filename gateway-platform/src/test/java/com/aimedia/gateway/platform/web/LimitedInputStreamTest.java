package com.aimedia.gateway.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

import org.junit.jupiter.api.Test;

import com.aimedia.gateway.testsupport.MutableClock;

class LimitedInputStreamTest {

    private static final Instant START = Instant.parse("2026-11-26T10:00:00Z");

    private static ServletInputStream body(byte[] bytes) {
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        return new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
            }
        };
    }

    @Test
    void should_read_a_body_within_both_limits() throws IOException {
        MutableClock clock = new MutableClock(START);
        LimitedInputStream in = new LimitedInputStream(body(new byte[100]), 100, START.plusSeconds(10), clock);

        assertThat(in.readAllBytes()).hasSize(100);
    }

    @Test
    void should_fail_one_byte_past_the_size_limit() {
        MutableClock clock = new MutableClock(START);
        LimitedInputStream in = new LimitedInputStream(body(new byte[101]), 100, START.plusSeconds(10), clock);

        assertThatThrownBy(in::readAllBytes).isInstanceOf(LimitedInputStream.BodyTooLargeException.class);
    }

    @Test
    void should_fail_a_body_that_trickles_in_past_the_read_deadline() throws IOException {
        MutableClock clock = new MutableClock(START);
        LimitedInputStream in = new LimitedInputStream(body(new byte[50]), 100, START.plusSeconds(10), clock);

        for (int i = 0; i < 9; i++) {
            assertThat(in.read()).isZero();
            clock.advance(Duration.ofSeconds(1)); // one byte a second keeps every single
                                                  // read short
        }
        clock.advance(Duration.ofSeconds(2));

        assertThatThrownBy(in::read).isInstanceOf(LimitedInputStream.BodyReadTimeoutException.class);
    }

}
