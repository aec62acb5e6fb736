package com.aimedia.gateway.callback.delivery.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.aimedia.gateway.callback.delivery.DeliveryRecorder;
import com.aimedia.gateway.platform.tracing.TaskTraces;
import com.aimedia.gateway.schemas.Topics;
import com.aimedia.gateway.schemas.v1.TaskStatusChanged;

/**
 * Turns every task change that has a callback URL into a recorded delivery. Never waits
 * for HTTP: recording is one MongoDB insert, and the offsets are committed once the
 * records of a poll are durable. A MongoDB failure is thrown, so Kafka retries the record
 * and finally dead-letters it.
 */
@Component
class TaskStatusChangedListener {

    private final DeliveryRecorder recorder;

    TaskStatusChangedListener(DeliveryRecorder recorder) {
        this.recorder = recorder;
    }

    /**
     * The record's trace context is the task's (the orchestrator publishes in it): the
     * delivery keeps it.
     */
    @KafkaListener(topics = Topics.CHANGED, groupId = "callback",
            containerFactory = ChangesConsumerConfiguration.FACTORY)
    void on(ConsumerRecord<String, TaskStatusChanged> record) {
        TaskStatusChangedMapper.toDelivery(record.value(), TaskTraces.traceParent(record.headers()))
            .ifPresent(recorder::record);
    }

}
