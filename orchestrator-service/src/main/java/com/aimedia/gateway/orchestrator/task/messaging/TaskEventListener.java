package com.aimedia.gateway.orchestrator.task.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

import com.aimedia.gateway.orchestrator.task.TaskBatches;
import com.aimedia.gateway.orchestrator.task.TaskEvent;
import com.aimedia.gateway.schemas.Topics;
import com.aimedia.gateway.schemas.v1.TaskStatusReported;
import com.aimedia.gateway.schemas.v1.TaskSubmitted;

/**
 * Feeds submissions (every provider's topic) and provider reports into the task state machine, a batch at a time.
 * The offsets of a batch are committed after the listener returns, that is after all of its task documents were
 * written. A record that cannot be decoded or mapped fails alone: the records before it are applied (and committed),
 * it goes to the dead-letter topic, and the ones after it are delivered again.
 */
@Component
class TaskEventListener {

    /** Every {@code tasks.submitted.<provider>} topic but not their {@code .DLT} topics; same as Topics.ALL_SUBMITTED. */
    static final String SUBMITTED_PATTERN = "tasks\\.submitted\\.[a-z0-9-]+";
    static final String GROUP = "orchestrator";
    private static final LogAccessor LOG = new LogAccessor(TaskEventListener.class);

    private final TaskBatches batches;

    TaskEventListener(TaskBatches batches) {
        this.batches = batches;
    }

    @KafkaListener(id = "orchestrator-submitted", topicPattern = SUBMITTED_PATTERN, groupId = GROUP,
            containerFactory = IngestConfiguration.BATCH_FACTORY,
            concurrency = "${gateway.orchestrator.ingest.submitted-concurrency:1}")
    void onSubmitted(List<ConsumerRecord<String, SpecificRecord>> records) {
        apply(records, TaskSubmitted.class, TaskEventMapper::toEvent);
    }

    @KafkaListener(id = "orchestrator-status", topics = Topics.STATUS, groupId = GROUP,
            containerFactory = IngestConfiguration.BATCH_FACTORY)
    void onStatus(List<ConsumerRecord<String, SpecificRecord>> records) {
        apply(records, TaskStatusReported.class, TaskEventMapper::toEvent);
    }

    private <T extends SpecificRecord> void apply(List<ConsumerRecord<String, SpecificRecord>> records, Class<T> type,
            Function<T, TaskEvent> mapper) {
        List<TaskEvent> events = new ArrayList<>(records.size());
        for (int index = 0; index < records.size(); index++) {
            try {
                events.add(mapper.apply(decoded(records.get(index), type)));
            }
            catch (RuntimeException e) {
                batches.applyAll(events);
                throw new BatchListenerFailedException("cannot apply record " + index + " of the batch", e, index);
            }
        }
        batches.applyAll(events);
    }

    private static <T extends SpecificRecord> T decoded(ConsumerRecord<String, SpecificRecord> record, Class<T> type) {
        DeserializationException undecodable = SerializationUtils.getExceptionFromHeader(record,
                SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG);
        if (undecodable != null) {
            throw undecodable;
        }
        SpecificRecord value = record.value();
        if (!type.isInstance(value)) {
            throw new InvalidEventException(type.getSimpleName(), "record of type "
                    + (value == null ? "null" : value.getClass().getSimpleName()));
        }
        return type.cast(value);
    }
}
