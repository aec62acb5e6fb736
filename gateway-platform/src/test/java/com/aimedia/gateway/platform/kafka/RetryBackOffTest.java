package com.aimedia.gateway.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

import com.mongodb.MongoTimeoutException;

/**
 * Which failures a listener retries how: bounded by default, never when permanent, until
 * back when an outage, without limit when the listener bounds the retries itself.
 */
class RetryBackOffTest {

    private static final GatewayKafkaProperties PROPERTIES = new GatewayKafkaProperties("localhost:9092", 3, (short) 1,
            Duration.ofSeconds(10), Duration.ofMillis(500), 4, Duration.ofSeconds(5), Duration.ofSeconds(10),
            KafkaSecurity.plaintext());

    @Test
    void should_retry_without_end_when_mongodb_is_unreachable() {
        var wrapped = new ListenerExecutionFailedException("listener failed",
                new MongoTimeoutException("Timed out while waiting for a server"));

        BackOff backOff = GatewayKafkaConfiguration.backOffFor(wrapped, PROPERTIES);

        assertThat(backOff).isNotNull();
        BackOffExecution execution = backOff.start();
        long last = 0;
        for (int retry = 0; retry < 1_000; retry++) {
            last = execution.nextBackOff();
            assertThat(last).isNotEqualTo(BackOffExecution.STOP);
        }
        assertThat(Duration.ofMillis(last)).isEqualTo(GatewayKafkaConfiguration.OUTAGE_MAX_INTERVAL);
    }

    @Test
    void should_retry_without_end_when_kafka_did_not_acknowledge_a_publish() {
        var wrapped = new ListenerExecutionFailedException("listener failed",
                new PublishFailedException("not acknowledged", new RuntimeException("timeout")));

        BackOff backOff = GatewayKafkaConfiguration.backOffFor(wrapped, PROPERTIES);

        assertThat(backOff).isNotNull();
        assertThat(backOff.start().nextBackOff()).isEqualTo(500);
    }

    @Test
    void should_use_the_bounded_default_when_the_failure_is_neither_permanent_nor_an_outage() {
        var wrapped = new ListenerExecutionFailedException("listener failed", new IllegalStateException("busy"));

        assertThat(GatewayKafkaConfiguration.backOffFor(wrapped, PROPERTIES)).isNull();
    }

    @Test
    void should_redeliver_without_end_or_wait_when_the_listener_bounds_the_retries_itself() {
        var wrapped = new ListenerExecutionFailedException("listener failed", new WaitingItsTurn());

        BackOff backOff = GatewayKafkaConfiguration.backOffFor(wrapped, PROPERTIES);

        assertThat(backOff).isNotNull();
        BackOffExecution execution = backOff.start();
        for (int retry = 0; retry < 1_000; retry++) {
            assertThat(execution.nextBackOff()).isZero();
        }
    }

    @Test
    void should_not_retry_a_permanent_failure() {
        var wrapped = new ListenerExecutionFailedException("listener failed", new PermanentFailureTest.Refused());

        assertThat(GatewayKafkaConfiguration.backOffFor(wrapped, PROPERTIES).start().nextBackOff())
            .isEqualTo(BackOffExecution.STOP);
    }

    /** A failure whose listener keeps its own deadline. */
    static final class WaitingItsTurn extends RuntimeException implements RetriedWithoutLimit {

        WaitingItsTurn() {
            super("the provider is full, this record waits its turn");
        }

    }

}
