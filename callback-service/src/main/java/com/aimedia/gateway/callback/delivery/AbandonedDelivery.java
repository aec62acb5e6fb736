package com.aimedia.gateway.callback.delivery;

/**
 * A delivery given up for good, as it is dead-lettered.
 *
 * @param deliveryId {@code taskId:version}
 * @param state the final state: failed or gone
 * @param attempts how many attempts were made
 * @param event the encoded event the delivery came from (see {@link NewDelivery#event()})
 */
public record AbandonedDelivery(String deliveryId, String tenantId, String taskId, long version, String state,
        AbandonReason reason, int attempts, byte[] event) {
}
