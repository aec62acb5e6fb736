package com.aimedia.gateway.api.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An example of the success answer of every endpoint whose answer springdoc describes
 * only by its schema, keyed by {@code "<METHOD> <path>"} (the task bodies are in
 * {@link OpenApiConfiguration}); written by hand in the shapes the controllers (and, for
 * the forwarded webhook paths, callback-service) answer.
 */
final class ResponseExamples {

    private static final String TASK = "task_06h1q7v4lq0ps3t0000000000000000000000000";

    private static final long AT = 1795689664;

    private ResponseExamples() {
    }

    static Map<String, Object> all() {
        Map<String, Object> examples = new LinkedHashMap<>();
        Map<String, Object> limits = ordered("requests_per_second", 20, "tasks_in_flight", 50);
        Map<String, Object> access = ordered("providers", List.of("kling", "replicate"), "replicate_owners",
                List.of("black-forest-labs"));
        Map<String, Object> tenant = ordered("id", "team-a", "name", "Team A", "created_at", AT, "limits", limits,
                "model_access", access);
        Map<String, Object> key = ordered("key_id", "key_5f0c1a2b3c4d", "tenant_id", "team-a", "name", "ci", "scopes",
                List.of("submit", "read"), "hint", "sk_Abc…wxyz", "created_at", AT);
        Map<String, Object> created = new LinkedHashMap<>(key);
        created.put("secret", "sk_AbcdefGhijklMnopqrStuvwxyz0123456789wxyz");
        Map<String, Object> revoked = new LinkedHashMap<>(key);
        revoked.put("revoked_at", AT + 60);
        examples.put("GET /admin/v1/tenants", Map.of("data", List.of(tenant)));
        examples.put("POST /admin/v1/tenants", tenant);
        examples.put("GET /admin/v1/tenants/{tenantId}", tenant);
        examples.put("PATCH /admin/v1/tenants/{tenantId}", tenant);
        examples.put("GET /admin/v1/tenants/{tenantId}/keys", Map.of("data", List.of(key)));
        examples.put("POST /admin/v1/tenants/{tenantId}/keys", created);
        examples.put("PATCH /admin/v1/tenants/{tenantId}/keys/{keyId}", key);
        examples.put("POST /admin/v1/tenants/{tenantId}/keys/{keyId}/revoke", revoked);
        examples.put("POST /admin/v1/tenants/{tenantId}/keys/{keyId}/rotate", created);
        Map<String, Object> model = ordered("id", "kling-v2", "provider", "kling", "kind", "video", "provider_model",
                "kling-v2-master", "input_schema",
                ordered("type", "object", "required", List.of("prompt"), "properties",
                        Map.of("prompt", Map.of("type", "string"), "duration", Map.of("enum", List.of("5", "10")))));
        examples.put("GET /v1/models", Map.of("data", List.of(model)));
        examples.put("GET /v1/models/{modelId}", model);
        examples.put("GET /v1/task/{taskId}/events",
                ordered("object", "list", "task_id", TASK, "data",
                        List.of(ordered("status", "queued", "at", AT, "version", 1),
                                ordered("status", "in_progress", "at", AT + 3, "version", 2),
                                ordered("status", "completed", "at", AT + 8, "version", 1000))));
        examples.put("GET /v1/usage",
                ordered("object", "usage", "from", 1795600000, "to", 1795689600, "group_by", "model", "data",
                        List.of(ordered("key", "kling-v2", "tasks", 8, "by_status",
                                ordered("completed", 5, "failed", 2, "in_progress", 1, "queued", 0), "images", 0,
                                "videos", 5, "video_seconds", 40, "videos_without_duration", 1, "audio", 0))));
        Map<String, Object> video = ordered("id", TASK, "object", "video", "model", "kling-v2", "status", "queued",
                "progress", 0, "created_at", AT, "completed_at", null, "expires_at", null, "error", null,
                "remixed_from_video_id", null, "seconds", "unknown", "size", "unknown");
        examples.put("POST /v1/videos", video);
        examples.put("GET /v1/videos/{videoId}", video);
        examples.put("GET /v1/videos", ordered("object", "list", "data", List.of(video), "has_more", false));
        examples.put("GET /v1/videos/{videoId}/content", "(the video file: video/mp4 bytes)");
        Map<String, Object> delivery = ordered("version", 1000, "webhook_id", "msg_2b7f0c", "url",
                "https://example.com/hook", "state", "delivered", "attempt_count", 1, "created_at", AT + 8,
                "updated_at", AT + 8, "attempts", List.of(ordered("at_ms", (AT + 8) * 1000, "status_code", 200,
                        "latency_ms", 42, "response_body", "ok")));
        examples.put("GET /v1/task/{taskId}/deliveries", ordered("task_id", TASK, "deliveries", List.of(delivery)));
        examples.put("POST /v1/task/{taskId}/deliveries/redeliver", ordered("task_id", TASK, "delivery", delivery));
        examples.put("POST /v1/webhooks/recover",
                ordered("since", 1795689000, "redelivered", 3, "max_per_request", 1000));
        Map<String, Object> secrets = ordered("secret", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "secrets",
                List.of(ordered("secret", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "created_at", AT)));
        examples.put("GET /v1/webhooks/secret", secrets);
        examples.put("POST /v1/webhooks/secret/rotate", secrets);
        examples.put("POST /v1/webhooks/test", ordered("webhook_id", "msg_test_5d1e", "delivered", true, "status", 200,
                "status_class", "2xx", "response", "ok"));
        return examples;
    }

    /** A map that keeps the order its pairs are given in (the order the answers have). */
    /**
     * Keys and values in turn. A null value is an explicit JSON null (the OpenAI video
     * object has several), which the map holds on purpose, hence the suppression.
     */
    @SuppressWarnings("NullAway")
    private static Map<String, Object> ordered(@Nullable Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

}
