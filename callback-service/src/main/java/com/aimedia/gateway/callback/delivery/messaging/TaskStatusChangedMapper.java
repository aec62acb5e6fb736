package com.aimedia.gateway.callback.delivery.messaging;

import java.util.Optional;

import org.apache.avro.specific.SpecificRecord;
import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.callback.delivery.NewDelivery;
import com.aimedia.gateway.schemas.EventCodec;
import com.aimedia.gateway.schemas.v1.TaskStatusChanged;

/** The Avro edge: a TaskStatusChanged with a callback URL is a delivery to make. */
final class TaskStatusChangedMapper {

    private TaskStatusChangedMapper() {
    }

    static Optional<NewDelivery> toDelivery(TaskStatusChanged event) {
        return toDelivery(event, null);
    }

    static Optional<NewDelivery> toDelivery(TaskStatusChanged event, @Nullable String traceParent) {
        String url = event.getCallbackUrl();
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new NewDelivery(event.getTenantId(), event.getTaskId(), event.getVersion(), url.strip(),
                event.getBody(), encode(event), traceParent));
    }

    /** The schema-history-aware codec of the platform: a stored event decodes even after a schema change. */
    private static final EventCodec CODEC = new EventCodec();

    static byte[] encode(TaskStatusChanged event) {
        return CODEC.encode(event);
    }

    static SpecificRecord decode(byte[] bytes) {
        return CODEC.decode(bytes);
    }
}
