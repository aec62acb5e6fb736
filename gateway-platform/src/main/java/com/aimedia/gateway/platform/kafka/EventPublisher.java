package com.aimedia.gateway.platform.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.avro.specific.SpecificRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import com.aimedia.gateway.platform.tracing.TaskTraces;
import com.aimedia.gateway.schemas.CloudEventHeaders;

/**
 * Publishes one gateway event, keyed by its task id with CloudEvents headers, and returns
 * only once the broker has acknowledged it with acks=all. A caller that gets no exception
 * may treat the event as durable.
 */
public class EventPublisher {

    private final KafkaTemplate<String, SpecificRecord> template;

    private final String source;

    private final Duration timeout;

    private final TaskTraces traces;

    public EventPublisher(KafkaTemplate<String, SpecificRecord> template, String source, Duration timeout) {
        this(template, source, timeout, TaskTraces.none());
    }

    public EventPublisher(KafkaTemplate<String, SpecificRecord> template, String source, Duration timeout,
            TaskTraces traces) {
        this.template = template;
        this.source = source;
        this.timeout = timeout;
        this.traces = traces;
    }

    public void publish(String topic, SpecificRecord event) {
        try {
            template.send(CloudEventHeaders.record(topic, event, source))
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted while publishing to " + topic, e);
        }
        catch (ExecutionException | TimeoutException e) {
            throw new PublishFailedException("not acknowledged by Kafka: topic " + topic, e);
        }
        catch (KafkaException | org.apache.kafka.common.KafkaException e) {
            // send() itself fails at once when the broker stays unreachable past
            // max.block.ms (no metadata)
            throw new PublishFailedException("not sent to Kafka: topic " + topic, e);
        }
    }

    /**
     * Publishes several events at once (one round of sends, then one wait for all
     * acknowledgements), which costs about one broker round trip instead of one per
     * event. Events with the same key keep their order.
     * @return for each event, in order, whether the broker acknowledged it with acks=all
     * within the timeout
     */
    public List<Boolean> publishAll(String topic, List<? extends SpecificRecord> events) {
        return publishAll(topic, events, java.util.Collections.nCopies(events.size(), null));
    }

    /**
     * The same, each event sent in the trace of its task (see {@link TaskTraces}): the
     * batches of the orchestrator hold events of many tasks, each with its own trace.
     * @param traceParents for each event, in order, its task's W3C trace context, or null
     */
    public List<Boolean> publishAll(String topic, List<? extends SpecificRecord> events,
            List<? extends @Nullable String> traceParents) {
        List<CompletableFuture<SendResult<String, SpecificRecord>>> sent = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            SpecificRecord event = events.get(i);
            try {
                sent.add(traces.inTrace(traceParents.get(i), "publish",
                        () -> template.send(CloudEventHeaders.record(topic, event, source))));
            }
            catch (RuntimeException e) {
                sent.add(CompletableFuture.failedFuture(e));
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Boolean> acknowledged = new ArrayList<>(sent.size());
        for (CompletableFuture<SendResult<String, SpecificRecord>> future : sent) {
            acknowledged.add(awaitAcknowledged(future, deadline));
        }
        return acknowledged;
    }

    private static boolean awaitAcknowledged(CompletableFuture<?> future, long deadlineNanos) {
        try {
            future.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

}
