package com.aimedia.gateway.callback.delivery.messaging;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.aimedia.gateway.callback.delivery.DeliveryRecorder;
import com.aimedia.gateway.schemas.Topics;
import com.aimedia.gateway.schemas.v1.TaskStatusChanged;

/**
 * Turns every task change that has a callback URL into a recorded delivery. Never waits for HTTP: recording is one
 * MongoDB insert, and the offsets are committed once the records of a poll are durable. A MongoDB failure is thrown, so Kafka retries the
 * record and finally dead-letters it.
 */
@Component
class TaskStatusChangedListener {

    private final DeliveryRecorder recorder;

    TaskStatusChangedListener(DeliveryRecorder recorder) {
        this.recorder = recorder;
    }

    @KafkaListener(topics = Topics.CHANGED, groupId = "callback",
            containerFactory = ChangesConsumerConfiguration.FACTORY)
    void on(TaskStatusChanged event) {
        TaskStatusChangedMapper.toDelivery(event).ifPresent(recorder::record);
    }
}
