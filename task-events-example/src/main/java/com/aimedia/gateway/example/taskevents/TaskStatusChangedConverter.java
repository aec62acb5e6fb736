package com.aimedia.gateway.example.taskevents;

import org.jspecify.annotations.Nullable;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.AbstractMessageConverter;
import org.springframework.util.MimeType;

import com.aimedia.gateway.schemas.v1.TaskStatusChanged;
import com.aimedia.gateway.taskevents.TaskEvents;
import com.aimedia.gateway.taskevents.TaskStatusChangedDeserializer;

/**
 * Turns the Avro bytes of {@code tasks.changed} ({@code application/avro}) into
 * {@link TaskStatusChanged} inside the binding, so a record that cannot be decoded fails
 * like a failing handler: the binder retries it and then sends the original bytes to the
 * DLQ. (Native decoding would fail before the binding and skip the binder's DLQ.)
 */
final class TaskStatusChangedConverter extends AbstractMessageConverter {

    static final MimeType AVRO = MimeType.valueOf("application/avro");

    private final TaskStatusChangedDeserializer deserializer = new TaskStatusChangedDeserializer();

    TaskStatusChangedConverter() {
        super(AVRO);
    }

    @Override
    protected boolean supports(Class<?> type) {
        return TaskStatusChanged.class.equals(type);
    }

    @Override
    protected boolean canConvertTo(Object payload, @Nullable MessageHeaders headers) {
        return false;
    }

    @Override
    protected Object convertFromInternal(Message<?> message, Class<?> targetClass, @Nullable Object conversionHint) {
        // throws UndecodableEventException, which the binder's retry and DLQ handle
        return deserializer.deserialize(TaskEvents.TOPIC, (byte[]) message.getPayload());
    }

}
