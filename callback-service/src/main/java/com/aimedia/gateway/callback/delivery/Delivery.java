package com.aimedia.gateway.callback.delivery;

/**
 * A delivery claimed by this dispatcher for one attempt.
 * @param id {@code taskId:version}
 * @param attemptCount attempts made before this one
 * @param leaseToken proves the claim: every update after the attempt requires it
 */
record Delivery(String id, String tenantId, String taskId, long version, String url, String host, String body,
        String webhookId, int attemptCount, String leaseToken) {

    int attemptNumber() {
        return attemptCount + 1;
    }
}
