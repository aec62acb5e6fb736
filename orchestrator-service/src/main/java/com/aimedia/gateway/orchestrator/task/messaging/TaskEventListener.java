package com.aimedia.gateway.orchestrator.task.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

import com.aimedia.gateway.orchestrator.task.ImmediatePolls;
import com.aimedia.gateway.orchestrator.task.TaskBatches;
import com.aimedia.gateway.orchestrator.task.TaskEvent;
import com.aimedia.gateway.platform.tracing.TaskTraces;
import com.aimedia.gateway.schemas.Topics;
import com.aimedia.gateway.schemas.v1.ProviderCallbackReceived;
import com.aimedia.gateway.schemas.v1.TaskCancelRequested;
import com.aimedia.gateway.schemas.v1.TaskStatusReported;
import com.aimedia.gateway.schemas.v1.TaskSubmitted;

/**
 * Feeds submissions (every provider's topic), provider reports and owners' cancel
 * requests into the task state machine, a batch at a time, and turns a provider callback
 * into an immediate poll once the reports before it in the batch are applied. The offsets
 * of a batch are committed after the listener returns, that is after all of its task
 * documents were written (and its polls published). A record that cannot be decoded or
 * mapped fails alone: the records before it are applied (and committed), it goes to the
 * dead-letter topic, and the ones after it are delivered again.
 */
@Component
class TaskEventListener {

    /**
     * Every {@code tasks.submitted.<provider>} topic but not their {@code .DLT} topics;
     * same as Topics.ALL_SUBMITTED.
     */
    static final String SUBMITTED_PATTERN = "tasks\\.submitted\\.[a-z0-9-]+";
    static final String GROUP = "orchestrator";

    private static final LogAccessor LOG = new LogAccessor(TaskEventListener.class);

    private final TaskBatches batches;

    private final ImmediatePolls polls;

    TaskEventListener(TaskBatches batches, ImmediatePolls polls) {
        this.batches = batches;
        this.polls = polls;
    }

    @KafkaListener(id = "orchestrator-submitted", topicPattern = SUBMITTED_PATTERN, groupId = GROUP,
            containerFactory = IngestConfiguration.BATCH_FACTORY,
            concurrency = "${gateway.orchestrator.ingest.submitted-concurrency:1}")
    void onSubmitted(List<ConsumerRecord<String, SpecificRecord>> records) {
        // the submit's trace context is stored with the task, so that polls and changes
        // published later from a
        // schedule continue the same trace
        apply(records, TaskSubmitted.class,
                (submitted, record) -> TaskEventMapper.toEvent(submitted, TaskTraces.traceParent(record.headers())));
    }

    @KafkaListener(id = "orchestrator-status", topics = Topics.STATUS, groupId = GROUP,
            containerFactory = IngestConfiguration.BATCH_FACTORY)
    void onStatus(List<ConsumerRecord<String, SpecificRecord>> records) {
        List<TaskEvent> events = new ArrayList<>(records.size());
        List<ProviderCallbackReceived> callbacks = new ArrayList<>();
        for (int index = 0; index < records.size(); index++) {
            try {
                switch (decoded(records.get(index), SpecificRecord.class)) {
                    case TaskStatusReported report -> events.add(TaskEventMapper.toEvent(report));
                    case ProviderCallbackReceived callback -> callbacks.add(callback);
                    case SpecificRecord other ->
                        throw InvalidEventException.unexpectedType(other.getClass().getSimpleName(), Topics.STATUS);
                }
            }
            catch (RuntimeException e) {
                applyThenPoll(events, callbacks);
                throw new BatchListenerFailedException("cannot apply record " + index + " of the batch", e, index);
            }
        }
        applyThenPoll(events, callbacks);
    }

    /**
     * A callback only triggers a poll, after the reports that came before it (a terminal
     * one makes it a no-op); one that came before the task's acceptance, once the
     * acceptance is applied.
     */
    private void applyThenPoll(List<TaskEvent> events, List<ProviderCallbackReceived> callbacks) {
        batches.applyAll(events);
        for (TaskEvent event : events) {
            if (event instanceof TaskEvent.Accepted accepted) {
                try (MDC.MDCCloseable task = MDC.putCloseable("taskId", accepted.taskId())) {
                    polls.acceptanceApplied(accepted.taskId());
                }
            }
        }
        for (ProviderCallbackReceived callback : callbacks) {
            try (MDC.MDCCloseable task = MDC.putCloseable("taskId", callback.getTaskId());
                    MDC.MDCCloseable provider = MDC.putCloseable("provider", callback.getProvider())) {
                polls.pollNow(TaskEventMapper.required("ProviderCallbackReceived", "taskId", callback.getTaskId()));
            }
        }
    }

    @KafkaListener(id = "orchestrator-cancel", topics = Topics.CANCEL, groupId = GROUP)
    void onCancel(TaskCancelRequested event) {
        try (MDC.MDCCloseable task = MDC.putCloseable("taskId", event.getTaskId())) {
            batches.applyAll(List.of(TaskEventMapper.toEvent(event)));
        }
    }

    private <T extends SpecificRecord> void apply(List<ConsumerRecord<String, SpecificRecord>> records, Class<T> type,
            BiFunction<T, ConsumerRecord<String, SpecificRecord>, TaskEvent> mapper) {
        List<TaskEvent> events = new ArrayList<>(records.size());
        for (int index = 0; index < records.size(); index++) {
            try {
                events.add(mapper.apply(decoded(records.get(index), type), records.get(index)));
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
            throw new InvalidEventException(type.getSimpleName(),
                    "record of type " + (value == null ? "null" : value.getClass().getSimpleName()));
        }
        return type.cast(value);
    }

}
