package com.aimedia.gateway.callback.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * The {@code webhook-id} of a task version: {@code msg_} + base64url of the first 16
 * bytes of SHA-256({@code taskId:version}). Stable across retries and restarts, distinct
 * per version, never contains a '.' (which would make the signed content ambiguous).
 */
final class WebhookIds {

    private WebhookIds() {
    }

    static String of(String taskId, long version) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest((taskId + ":" + version).getBytes(StandardCharsets.UTF_8));
            return "msg_" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

}
