package com.aimedia.gateway.api.platform;

import java.time.Clock;
import java.time.Instant;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import com.aimedia.gateway.testsupport.MutableClock;

/** Both replicas read the same {@link #CLOCK}, so rate windows are deterministic. */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-01T10:00:00.250Z"));

    @Bean
    @Primary
    Clock testClock() {
        return CLOCK;
    }

}
