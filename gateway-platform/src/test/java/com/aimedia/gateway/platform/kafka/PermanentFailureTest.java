package com.aimedia.gateway.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

class PermanentFailureTest {

    static class Refused extends RuntimeException implements PermanentFailure {

    }

    @Test
    void should_skip_retries_when_a_permanent_failure_is_wrapped_by_the_listener_container() {
        var wrapped = new ListenerExecutionFailedException("listener failed", new Refused());

        assertThat(GatewayKafkaConfiguration.isPermanent(wrapped)).isTrue();
    }

    @Test
    void should_retry_when_the_failure_is_not_marked_permanent() {
        var wrapped = new ListenerExecutionFailedException("listener failed", new IllegalStateException("busy"));

        assertThat(GatewayKafkaConfiguration.isPermanent(wrapped)).isFalse();
    }

}
