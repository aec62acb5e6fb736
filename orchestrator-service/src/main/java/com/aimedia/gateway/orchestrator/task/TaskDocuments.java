package com.aimedia.gateway.orchestrator.task;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.platform.readmodel.TaskReadModel;

/**
 * Maps tasks and outbox entries to and from documents of the {@code tasks} collection
 * (snake_case fields). The fields other services read are named in {@link TaskReadModel};
 * the rest is the orchestrator's own.
 */
public final class TaskDocuments {

    public static final String ID = TaskReadModel.ID;

    public static final String REVISION = "revision";

    /**
     * The task id and the revision in one indexed field, {@code <task id>#<revision>}:
     * see {@link #revisionToken}.
     */
    public static final String REVISION_TOKEN = "revision_token";

    public static final String TENANT_ID = TaskReadModel.TENANT_ID;

    public static final String MODEL = TaskReadModel.MODEL;

    public static final String PROVIDER = TaskReadModel.PROVIDER;

    public static final String PROVIDER_MODEL = "provider_model";

    public static final String CALLBACK_URL = "callback_url";

    /** The client's metadata, a string map; absent when it sent none. */
    public static final String METADATA = TaskReadModel.METADATA;

    /** The task's webhook filter; absent for every status change. */
    public static final String WEBHOOK_EVENTS = "webhook_events";

    /**
     * The length of video the request asked for (read by api-service's usage); absent
     * when unknown.
     */
    public static final String VIDEO_SECONDS = TaskReadModel.VIDEO_SECONDS;

    public static final String STATUS = TaskReadModel.STATUS;

    /** The highest progress (0-100) reported while running; absent if none. */
    public static final String PROGRESS = TaskReadModel.PROGRESS;

    /** On an outbox entry: false for a progress-only change. */
    static final String STATUS_CHANGED = "status_changed";

    public static final String VERSION = TaskReadModel.VERSION;

    public static final String CREATED_AT = TaskReadModel.CREATED_AT;

    public static final String UPDATED_AT = TaskReadModel.UPDATED_AT;

    public static final String COMPLETED_AT = TaskReadModel.COMPLETED_AT;

    public static final String OUTPUTS = TaskReadModel.OUTPUTS;

    public static final String ERROR = TaskReadModel.ERROR;

    public static final String ERROR_CODE = TaskReadModel.ERROR_CODE;

    public static final String PROVIDER_TASK_ID = "provider_task_id";

    public static final String PROVIDER_REF = "provider_ref";

    public static final String POLLING_SINCE = "polling_since";

    public static final String NEXT_POLL_AT = "next_poll_at";

    /**
     * The task id and {@code next_poll_at} in one indexed field,
     * {@code <task id>#<epoch millis>}, present exactly when {@code next_poll_at} is: see
     * {@link #pollToken}.
     */
    public static final String POLL_TOKEN = "poll_token";

    public static final String POLL_ATTEMPTS = "poll_attempts";

    public static final String DEADLINE_AT = "deadline_at";

    public static final String VIEW = TaskReadModel.VIEW;

    public static final String OUTBOX = "outbox";

    public static final String OUTBOX_SINCE = "outbox_since";

    /**
     * Each published status with the time the task entered it: {@code [{status, at,
     * version}]}, oldest first.
     */
    public static final String STATUS_HISTORY = TaskReadModel.STATUS_HISTORY;

    /**
     * The W3C trace context of the submit: scheduled polls and outbox publications
     * continue the task's trace.
     */
    public static final String TRACE_PARENT = "trace_parent";

    /**
     * When the record is deleted (created_at plus the tenant's task-record retention),
     * set when the task ends; absent while it runs and when the tenant's records are kept
     * for good. Sparse index: the sweeper's query.
     */
    public static final String RECORD_EXPIRES_AT = "record_expires_at";
    static final String EVENT_ID = "event_id";

    private static final String BODY = "body";

    private TaskDocuments() {
    }

    /** The stored fields of a state; a null value means the field is absent. */
    static Map<String, @Nullable Object> fields(TaskState state) {
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        Submission submission = state.submission();
        fields.put(TENANT_ID, submission == null ? null : submission.tenantId());
        fields.put(MODEL, submission == null ? null : submission.model());
        fields.put(PROVIDER, state.provider());
        fields.put(PROVIDER_MODEL, submission == null ? null : submission.providerModel());
        fields.put(CALLBACK_URL, submission == null ? null : submission.callbackUrl());
        fields.put(METADATA, submission == null || submission.metadata().isEmpty() ? null
                : new Document(new LinkedHashMap<>(submission.metadata())));
        fields.put(WEBHOOK_EVENTS, submission == null ? null : submission.webhookEvents());
        fields.put(VIDEO_SECONDS, submission == null ? null : submission.videoSeconds());
        fields.put(STATUS, state.status().wireName());
        fields.put(VERSION, state.version());
        fields.put(CREATED_AT, date(submission == null ? null : submission.createdAt()));
        fields.put(UPDATED_AT, date(state.updatedAt()));
        fields.put(COMPLETED_AT, date(state.completedAt()));
        fields.put(OUTPUTS, state.status() == TaskStatus.COMPLETED ? state.outputs() : null);
        fields.put(ERROR, state.error());
        fields.put(ERROR_CODE, state.errorCode());
        fields.put(PROVIDER_TASK_ID, state.providerTaskId());
        fields.put(PROVIDER_REF, state.providerRef());
        fields.put(POLLING_SINCE, date(state.pollingSince()));
        Instant nextPollAt = state.nextPollAt();
        fields.put(NEXT_POLL_AT, date(nextPollAt));
        fields.put(POLL_TOKEN, nextPollAt == null ? null : pollToken(state.taskId(), nextPollAt));
        fields.put(DEADLINE_AT, date(state.deadlineAt()));
        fields.put(PROGRESS, state.progress());
        fields.put(VIEW, state.isPublishable() ? TaskBody.render(state) : null);
        fields.put(TRACE_PARENT, submission == null ? null : submission.traceParent());
        return fields;
    }

    static StoredTask toStoredTask(Document document) {
        List<StatusChange> outbox = new ArrayList<>();
        for (Document entry : document.getList(OUTBOX, Document.class, List.of())) {
            outbox.add(toStatusChange(entry));
        }
        return new StoredTask(toState(document), document.get(REVISION, Number.class).longValue(), outbox,
                document.containsKey(REVISION_TOKEN));
    }

    /**
     * What conditional writes compare: a filter on this one field is the same as one on
     * {@code _id} and revision, but it names a single indexed field, which
     * mongo-java-server (the embedded default) needs to use an index at all; with
     * {@code {_id, revision}} it scanned the whole collection for every write.
     */
    static String revisionToken(String taskId, long revision) {
        return taskId + "#" + revision;
    }

    /**
     * What a poll claim compares, like {@link #revisionToken}: a filter on this one
     * unique field stands for {@code _id} and {@code next_poll_at} together (and for a
     * pollable status, since a terminal task has neither), so mongo-java-server finds the
     * document through an index instead of scanning the collection.
     */
    public static String pollToken(String taskId, Instant nextPollAt) {
        return taskId + "#" + nextPollAt.toEpochMilli();
    }

    static TaskState toState(Document document) {
        String taskId = document.getString(ID);
        TaskStatus status = TaskStatus.fromWireName(document.getString(STATUS));
        String tenantId = document.getString(TENANT_ID);
        Submission submission = tenantId == null ? null
                : new Submission(tenantId, document.getString(MODEL), document.getString(PROVIDER),
                        document.getString(PROVIDER_MODEL), document.getString(CALLBACK_URL),
                        document.getDate(CREATED_AT).toInstant(), metadata(document),
                        document.getList(WEBHOOK_EVENTS, String.class), document.getInteger(VIDEO_SECONDS),
                        document.getString(TRACE_PARENT));
        return new TaskState(taskId, document.getString(PROVIDER), submission, status,
                status == TaskStatus.QUEUED ? null : instant(document.getDate(UPDATED_AT)),
                document.getList(OUTPUTS, String.class, List.of()), document.getString(ERROR),
                document.getString(ERROR_CODE), document.getString(PROVIDER_TASK_ID), document.getString(PROVIDER_REF),
                instant(document.getDate(POLLING_SINCE)), instant(document.getDate(NEXT_POLL_AT)),
                instant(document.getDate(DEADLINE_AT)), document.getInteger(PROGRESS));
    }

    static Document toDocument(StatusChange change) {
        return new Document(EVENT_ID, change.eventId()).append(ID, change.taskId())
            .append(VERSION, change.version())
            .append(STATUS, change.status().wireName())
            .append(TENANT_ID, change.tenantId())
            .append(MODEL, change.model())
            .append(PROVIDER, change.provider())
            .append(CALLBACK_URL, change.callbackUrl())
            .append(METADATA, change.metadata().isEmpty() ? null : new Document(new LinkedHashMap<>(change.metadata())))
            .append(WEBHOOK_EVENTS, change.webhookEvents())
            .append(CREATED_AT, date(change.createdAt()))
            .append(UPDATED_AT, date(change.updatedAt()))
            .append(COMPLETED_AT, date(change.completedAt()))
            .append(OUTPUTS, change.outputs())
            .append(ERROR, change.error())
            .append(ERROR_CODE, change.errorCode())
            .append(BODY, change.body())
            .append(PROGRESS, change.progress())
            .append(STATUS_CHANGED, change.statusChanged())
            .append(TRACE_PARENT, change.traceParent());
    }

    /** The status history entry of a published change. */
    static Document toHistoryEntry(StatusChange change) {
        return new Document(TaskReadModel.HISTORY_STATUS, change.status().wireName())
            .append(TaskReadModel.HISTORY_AT, date(change.updatedAt()))
            .append(TaskReadModel.HISTORY_VERSION, change.version());
    }

    static StatusChange toStatusChange(Document entry) {
        return new StatusChange(entry.getString(EVENT_ID), entry.getString(ID),
                entry.get(VERSION, Number.class).longValue(), TaskStatus.fromWireName(entry.getString(STATUS)),
                entry.getString(TENANT_ID), entry.getString(MODEL), entry.getString(PROVIDER),
                entry.getString(CALLBACK_URL), entry.getDate(CREATED_AT).toInstant(),
                entry.getDate(UPDATED_AT).toInstant(), instant(entry.getDate(COMPLETED_AT)),
                entry.getList(OUTPUTS, String.class, List.of()), entry.getString(ERROR), entry.getString(ERROR_CODE),
                entry.getString(BODY), metadata(entry), entry.getList(WEBHOOK_EVENTS, String.class),
                entry.getInteger(PROGRESS), entry.getBoolean(STATUS_CHANGED, true), entry.getString(TRACE_PARENT));
    }

    private static Map<String, String> metadata(Document document) {
        Document metadata = document.get(METADATA, Document.class);
        Map<String, String> values = new LinkedHashMap<>();
        if (metadata != null) {
            metadata.forEach((key, value) -> values.put(key, String.valueOf(value)));
        }
        return values;
    }

    public static @Nullable Date date(@Nullable Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    public static @Nullable Instant instant(@Nullable Date date) {
        return date == null ? null : date.toInstant();
    }

}
