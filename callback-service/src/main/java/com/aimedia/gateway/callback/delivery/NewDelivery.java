package com.aimedia.gateway.callback.delivery;

import org.jspecify.annotations.Nullable;

/**
 * A task version that has to be delivered to its callback URL.
 *
 * @param body the public task body of this version, sent byte for byte
 * @param event the encoded event this delivery came from, opaque here: it is what goes to
 * the dead-letter topic if the delivery is abandoned
 * @param traceParent the task's W3C trace context (the event's {@code traceparent}
 * header): every attempt, however much later, continues it and sends it along
 */
public record NewDelivery(String tenantId, String taskId, long version, String url, String body, byte[] event,
        @Nullable String traceParent) {

    public NewDelivery(String tenantId, String taskId, long version, String url, String body, byte[] event) {
        this(tenantId, taskId, version, url, body, event, null);
    }
}
