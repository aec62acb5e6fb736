package com.aimedia.gateway.callback.delivery;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.types.Binary;
import org.jspecify.annotations.Nullable;

/** Maps deliveries to and from their {@code deliveries} documents (snake_case fields). */
final class DeliveryDocuments {

    static final String ID = "_id";
    static final String TENANT_ID = "tenant_id";
    static final String TASK_ID = "task_id";
    static final String VERSION = "version";
    static final String URL = "url";
    static final String HOST = "host";
    static final String BODY = "body";
    static final String WEBHOOK_ID = "webhook_id";
    static final String STATE = "state";
    static final String ATTEMPTS = "attempts";
    static final String ATTEMPT_COUNT = "attempt_count";
    static final String NEXT_ATTEMPT_AT = "next_attempt_at";
    static final String LEASE_UNTIL = "lease_until";
    static final String LEASE_TOKEN = "lease_token";
    static final String ENDPOINT_ID = "endpoint_id";
    static final String MANUAL = "manual";
    static final String REASON = "reason";
    static final String EVENT = "event";
    static final String TRACE_PARENT = "trace_parent";

    /**
     * When the delivery's record is deleted (recorded at plus the tenant's task-record
     * retention); sparse index.
     */
    static final String RECORD_EXPIRES_AT = "record_expires_at";

    /** pending (to publish on the dead-letter topic) | published */
    static final String DEAD_LETTER = "dead_letter";
    static final String DEAD_LETTER_LEASE = "dead_letter_lease";
    static final String CREATED_AT = "created_at";
    static final String UPDATED_AT = "updated_at";

    private DeliveryDocuments() {
    }

    static String idOf(String taskId, long version) {
        return taskId + ":" + version;
    }

    static Document newDelivery(NewDelivery delivery, String webhookId, String host, DeliveryState state,
            @Nullable AbandonReason abandoned, Instant now) {
        return newDelivery(delivery, webhookId, host, state, abandoned, now, null);
    }

    static Document newDelivery(NewDelivery delivery, String webhookId, String host, DeliveryState state,
            @Nullable AbandonReason abandoned, Instant now, @Nullable Instant recordExpiresAt) {
        Date at = Date.from(now);
        Document document = new Document(ID, idOf(delivery.taskId(), delivery.version()))
            .append(TENANT_ID, delivery.tenantId())
            .append(TASK_ID, delivery.taskId())
            .append(VERSION, delivery.version())
            .append(URL, delivery.url())
            .append(HOST, host)
            .append(ENDPOINT_ID, Endpoints.idOf(delivery.tenantId(), delivery.url()))
            .append(BODY, delivery.body())
            .append(WEBHOOK_ID, webhookId)
            .append(STATE, state.value())
            .append(ATTEMPTS, List.of())
            .append(ATTEMPT_COUNT, 0)
            .append(NEXT_ATTEMPT_AT, at)
            .append(EVENT, new Binary(delivery.event()))
            .append(CREATED_AT, at)
            .append(UPDATED_AT, at);
        if (recordExpiresAt != null) {
            document.append(RECORD_EXPIRES_AT, Date.from(recordExpiresAt));
        }
        if (delivery.traceParent() != null) {
            document.append(TRACE_PARENT, delivery.traceParent());
        }
        if (abandoned != null) {
            document.append(REASON, abandoned.value()).append(DEAD_LETTER, "pending").remove(NEXT_ATTEMPT_AT);
        }
        return document;
    }

    static Delivery claimed(Document document) {
        return new Delivery(document.getString(ID), document.getString(TENANT_ID), document.getString(TASK_ID),
                document.get(VERSION, Number.class).longValue(), document.getString(URL), document.getString(HOST),
                document.getString(ENDPOINT_ID), document.getString(BODY), document.getString(WEBHOOK_ID),
                document.get(ATTEMPT_COUNT, Number.class).intValue(), Boolean.TRUE.equals(document.getBoolean(MANUAL)),
                document.getString(LEASE_TOKEN), document.getDate(CREATED_AT).toInstant(),
                document.getString(TRACE_PARENT));
    }

    static Document attempt(AttemptRecord attempt) {
        return new Document("at", Date.from(attempt.at())).append("status", attempt.status())
            .append("latency_ms", attempt.latencyMs())
            .append("error_class", attempt.errorClass())
            .append("error", attempt.error())
            .append("response_body", attempt.responseBody());
    }

    static AttemptRecord attemptOf(Document attempt) {
        Object latency = attempt.get("latency_ms");
        return new AttemptRecord(attempt.getDate("at").toInstant(), attempt.getInteger("status"),
                latency instanceof Number number ? number.longValue() : 0L, attempt.getString("error_class"),
                attempt.getString("error"), attempt.getString("response_body"));
    }

}
