package com.aimedia.gateway.callback.delivery.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import com.aimedia.gateway.callback.delivery.AbandonedDelivery;
import com.aimedia.gateway.callback.delivery.DeadLetterSink;
import com.aimedia.gateway.schemas.CloudEventHeaders;
import com.aimedia.gateway.schemas.Topics;

/**
 * Publishes an abandoned delivery's TaskStatusChanged on {@code tasks.changed.DLT}, keyed
 * by task id, with the reason in headers: {@value #REASON} (an {@code AbandonReason}
 * value), {@value #STATE}, {@value #ATTEMPTS}, and spring-kafka's
 * {@value #EXCEPTION_MESSAGE} (a human description) like every other dead letter of the
 * platform.
 */
@Component
class KafkaDeadLetterSink implements DeadLetterSink {

    static final String TOPIC = Topics.CHANGED + Topics.DEAD_LETTER_SUFFIX;
    static final String REASON = "gateway_dlt-reason";
    static final String STATE = "gateway_dlt-delivery-state";
    static final String ATTEMPTS = "gateway_dlt-attempts";
    static final String EXCEPTION_MESSAGE = "kafka_dlt-exception-message";

    private static final String SOURCE = "callback-service";

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final KafkaTemplate<String, SpecificRecord> template;

    KafkaDeadLetterSink(KafkaTemplate<String, SpecificRecord> template) {
        this.template = template;
    }

    @Override
    public void publish(AbandonedDelivery delivery) {
        ProducerRecord<String, SpecificRecord> record = CloudEventHeaders.record(TOPIC,
                TaskStatusChangedMapper.decode(delivery.event()), SOURCE);
        Headers headers = record.headers();
        headers.add(REASON, bytes(delivery.reason().value()));
        headers.add(STATE, bytes(delivery.state()));
        headers.add(ATTEMPTS, bytes(Integer.toString(delivery.attempts())));
        headers.add(EXCEPTION_MESSAGE, bytes(delivery.reason().description()));
        try {
            template.send(record).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering " + delivery.deliveryId(), e);
        }
        catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("dead letter not acknowledged by Kafka: " + delivery.deliveryId(), e);
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

}
