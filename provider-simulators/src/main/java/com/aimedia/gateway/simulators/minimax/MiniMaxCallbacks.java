package com.aimedia.gateway.simulators.minimax;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.simulators.support.CallbackPoster;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * MiniMax's callback protocol (docs/providers/minimax.md): first a POST of
 * {@code {"challenge":"..."}} that the receiver must echo
 * ({@code {"challenge":"<same>"}}) within 3 s; only then status pushes shaped like the
 * query answer with lowercase {@code status} {@code processing} | {@code success} |
 * {@code failed}. Unsigned.
 */
final class MiniMaxCallbacks {

    private static final Logger log = LoggerFactory.getLogger(MiniMaxCallbacks.class);

    private final CallbackPoster poster = new CallbackPoster();

    private final JsonMapper json;

    MiniMaxCallbacks(JsonMapper json) {
        this.json = json;
    }

    /**
     * Runs the challenge for a new task on a virtual thread; marks the task verified when
     * the echo matches.
     */
    void challenge(MiniMaxTask task) {
        if (task.callbackUrl == null) {
            return;
        }
        Thread.ofVirtual().start(() -> {
            String challenge = UUID.randomUUID().toString();
            ObjectNode body = json.createObjectNode().put("challenge", challenge);
            HttpResponse<byte[]> response = post(task.callbackUrl, json.writeValueAsBytes(body), Duration.ofSeconds(3));
            if (response != null && response.statusCode() == 200) {
                try {
                    JsonNode echo = json.readTree(response.body());
                    task.callbackVerified = challenge.equals(echo.path("challenge").asString(""));
                }
                catch (RuntimeException notJson) {
                    task.callbackVerified = false;
                }
            }
            if (!task.callbackVerified) {
                log.debug("minimax simulator: callback challenge not echoed, no status pushes taskId={}", task.taskId);
            }
        });
    }

    void pushDue(MiniMaxAccount account, Instant now) {
        for (MiniMaxTask task : account.tasks()) {
            String status;
            synchronized (task) {
                status = task.takeCallbackStatus(now);
            }
            if (status != null && task.callbackUrl != null) {
                byte[] body = json.writeValueAsBytes(account.render(task, status, json));
                Thread.ofVirtual().start(() -> post(task.callbackUrl, body, Duration.ofSeconds(5)));
            }
        }
    }

    private @Nullable HttpResponse<byte[]> post(String url, byte[] body, Duration timeout) {
        try {
            return poster.post(url, body, timeout);
        }
        catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.debug("minimax simulator callback failed: {}", e.toString());
            return null;
        }
    }

}
