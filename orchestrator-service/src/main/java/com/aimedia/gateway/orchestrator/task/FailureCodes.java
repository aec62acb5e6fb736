package com.aimedia.gateway.orchestrator.task;

import java.util.Map;

/**
 * Whether a failed task's {@code error_code} means that submitting the same request again
 * may succeed. The codes come from the provider workers' taxonomy and the orchestrator's
 * own ({@code provider_timeout}, {@code cancelled}); an unknown code is not retryable, so
 * a client never loops on something nobody classified.
 */
public final class FailureCodes {

    public static final String CANCELLED = "cancelled";

    private static final Map<String, Boolean> RETRYABLE = Map.ofEntries(Map.entry("content_policy", false),
            Map.entry("insufficient_credits", false), Map.entry("invalid_parameter", false),
            Map.entry("invalid_input", false), Map.entry("provider_auth", false), Map.entry("not_found", false),
            Map.entry(CANCELLED, false), Map.entry("provider_timeout", true), Map.entry("provider_error", true),
            Map.entry("rate_limited", true), Map.entry("provider_unavailable", true),
            Map.entry("submission_uncertain", true));

    private FailureCodes() {
    }

    public static boolean isRetryable(String errorCode) {
        return RETRYABLE.getOrDefault(errorCode, false);
    }

}
