package com.aimedia.gateway.platform.readmodel;

import java.util.List;

/**
 * The {@code tasks} collection: written only by orchestrator-service (its
 * {@code TaskStore}), read by api-service (task body, listing, history, quotas, usage,
 * the video alias) and callback-service (whether a tenant's task exists). Only the fields
 * readers use are here; the orchestrator's own bookkeeping (revision, outbox, polling) is
 * not a contract and stays in its {@code TaskDocuments}.
 */
public final class TaskReadModel {

    public static final String COLLECTION = "tasks";

    /** The task id (string). */
    public static final String ID = "_id";

    public static final String TENANT_ID = "tenant_id";

    /** The public model name the task was submitted with. */
    public static final String MODEL = "model";

    public static final String PROVIDER = "provider";

    /**
     * The status's wire name: {@link #QUEUED}, ..., {@link #COMPLETED}, {@link #FAILED}.
     */
    public static final String STATUS = "status";

    /**
     * The number of published versions (long); grows by one with every published status
     * change.
     */
    public static final String VERSION = "version";

    /** Dates (BSON date). */
    public static final String CREATED_AT = "created_at";

    public static final String UPDATED_AT = "updated_at";

    public static final String COMPLETED_AT = "completed_at";

    /** Result URLs (list of strings). */
    public static final String OUTPUTS = "outputs";

    public static final String ERROR = "error";

    public static final String ERROR_CODE = "error_code";

    /** The highest progress (0-100) reported while running; absent if none. */
    public static final String PROGRESS = "progress";

    /** The client's metadata (a string map), absent when it sent none. */
    public static final String METADATA = "metadata";

    /** The length of video the request asked for, read by usage; absent when unknown. */
    public static final String VIDEO_SECONDS = "video_seconds";

    /** The rendered public task body (a JSON string), as GET /v1/task/{id} returns it. */
    public static final String VIEW = "view";

    /**
     * Every published status with the time the task entered it: {@code [{status, at,
     * version}]}, oldest first.
     */
    public static final String STATUS_HISTORY = "status_history";

    public static final String HISTORY_STATUS = "status";

    public static final String HISTORY_AT = "at";

    public static final String HISTORY_VERSION = "version";

    public static final String QUEUED = "queued";

    public static final String IN_PROGRESS = "in_progress";

    public static final String COMPLETED = "completed";

    public static final String FAILED = "failed";

    /** A task in one of these never changes again. */
    public static final List<String> TERMINAL = List.of(COMPLETED, FAILED);

    private TaskReadModel() {
    }

}
