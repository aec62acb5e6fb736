package com.aimedia.gateway.platform.kafka;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.avro.specific.SpecificRecord;
import org.springframework.kafka.core.KafkaTemplate;

import com.aimedia.gateway.schemas.CloudEventHeaders;

/**
 * Publishes one gateway event, keyed by its task id with CloudEvents headers, and returns only once the broker has
 * acknowledged it with acks=all. A caller that gets no exception may treat the event as durable.
 */
public class EventPublisher {

    private final KafkaTemplate<String, SpecificRecord> template;
    private final String source;
    private final Duration timeout;

    public EventPublisher(KafkaTemplate<String, SpecificRecord> template, String source, Duration timeout) {
        this.template = template;
        this.source = source;
        this.timeout = timeout;
    }

    public void publish(String topic, SpecificRecord event) {
        try {
            template.send(CloudEventHeaders.record(topic, event, source)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted while publishing to " + topic, e);
        }
        catch (ExecutionException | TimeoutException e) {
            throw new PublishFailedException("not acknowledged by Kafka: topic " + topic, e);
        }
    }
}
