package com.aimedia.gateway.callback.delivery.messaging;

import java.util.List;
import java.util.Optional;

import org.apache.avro.specific.SpecificRecord;
import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.callback.delivery.NewDelivery;
import com.aimedia.gateway.schemas.EventCodec;
import com.aimedia.gateway.schemas.v1.TaskStatus;
import com.aimedia.gateway.schemas.v1.TaskStatusChanged;

/**
 * The Avro edge: a TaskStatusChanged with a callback URL is a delivery to make, when the
 * task's {@code webhook_events} filter asks for it: without a filter every status change
 * is sent and a progress-only change never is; with one, a status change is sent when its
 * status is listed, and a progress-only change when {@code progress} is.
 */
final class TaskStatusChangedMapper {

    private static final String PROGRESS = "progress";

    private TaskStatusChangedMapper() {
    }

    static Optional<NewDelivery> toDelivery(TaskStatusChanged event) {
        return toDelivery(event, null);
    }

    static Optional<NewDelivery> toDelivery(TaskStatusChanged event, @Nullable String traceParent) {
        String url = event.getCallbackUrl();
        if (url == null || url.isBlank() || !wanted(event)) {
            return Optional.empty();
        }
        return Optional.of(new NewDelivery(event.getTenantId(), event.getTaskId(), event.getVersion(), url.strip(),
                event.getBody(), encode(event), traceParent));
    }

    static boolean wanted(TaskStatusChanged event) {
        List<String> filter = event.getWebhookEvents();
        if (!event.getStatusChanged()) {
            return filter != null && filter.contains(PROGRESS);
        }
        return filter == null || filter.contains(wireName(event.getStatus()));
    }

    private static String wireName(TaskStatus status) {
        return switch (status) {
            case QUEUED -> "queued";
            case IN_PROGRESS -> "in_progress";
            case COMPLETED -> "completed";
            case FAILED -> "failed";
        };
    }

    /**
     * The schema-history-aware codec of the platform: a stored event decodes even after a
     * schema change.
     */
    private static final EventCodec CODEC = new EventCodec();

    static byte[] encode(TaskStatusChanged event) {
        return CODEC.encode(event);
    }

    static SpecificRecord decode(byte[] bytes) {
        return CODEC.decode(bytes);
    }

}
