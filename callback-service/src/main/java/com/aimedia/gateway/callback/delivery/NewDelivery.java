package com.aimedia.gateway.callback.delivery;

/**
 * A task version that has to be delivered to its callback URL.
 * @param body the public task body of this version, sent byte for byte
 * @param event the encoded event this delivery came from, opaque here: it is what goes to the dead-letter topic if
 *        the delivery is abandoned
 */
public record NewDelivery(String tenantId, String taskId, long version, String url, String body, byte[] event) {
}
