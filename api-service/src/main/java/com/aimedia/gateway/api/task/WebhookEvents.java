package com.aimedia.gateway.api.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

import com.aimedia.gateway.api.web.ProblemCode;
import com.aimedia.gateway.web.problems.ApiProblemException;

/**
 * The {@code webhook_events} of a submit: which changes of the task are POSTed to its
 * {@code callback_url}. Absent means every status change (the seed's rule); otherwise a
 * non-empty list of statuses ({@code queued}, {@code in_progress}, {@code completed},
 * {@code failed}) and {@code progress} (progress updates while in progress, which are
 * never sent otherwise). Kept in the order the client gave, without repeats.
 */
final class WebhookEvents {

    static final List<String> VALUES = List.of("queued", "in_progress", "completed", "failed", "progress");

    private static final Set<String> ALLOWED = Set.copyOf(VALUES);

    private static final String FIELD = SubmitRequestValidator.WEBHOOK_EVENTS;

    private WebhookEvents() {
    }

    static @Nullable List<String> validate(@Nullable JsonNode value, boolean hasCallbackUrl) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray() || value.isEmpty()) {
            throw invalid(FIELD, "must be a non-empty array of " + String.join(", ", VALUES)
                    + "; leave it out for every status change");
        }
        if (!hasCallbackUrl) {
            throw invalid(FIELD, "needs a callback_url to send the webhooks to");
        }
        List<String> events = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isString() || !ALLOWED.contains(item.asString())) {
                throw invalid(FIELD + "[" + i + "]", "must be one of " + String.join(", ", VALUES));
            }
            if (!events.contains(item.asString())) {
                events.add(item.asString());
            }
        }
        return events;
    }

    private static ApiProblemException invalid(String field, String message) {
        return ApiProblemException.field(ProblemCode.INVALID_REQUEST, field, message);
    }

}
