package com.aimedia.gateway.callback.delivery;

/**
 * Where abandoned deliveries go (the messaging edge publishes them on
 * {@code tasks.changed.DLT}).
 */
public interface DeadLetterSink {

    /** Returns once the dead letter is durable; throws if it is not. */
    void publish(AbandonedDelivery delivery);

}
