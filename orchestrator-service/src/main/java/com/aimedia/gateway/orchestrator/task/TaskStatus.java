package com.aimedia.gateway.orchestrator.task;

import com.aimedia.gateway.platform.readmodel.TaskReadModel;

/**
 * The public status of a task. The rank orders the statuses (a status only moves to a
 * higher rank) and is also the task's public {@code version}, so the version does not
 * depend on the order in which events arrive.
 */
public enum TaskStatus {

    QUEUED(TaskReadModel.QUEUED, 1), IN_PROGRESS(TaskReadModel.IN_PROGRESS, 2), COMPLETED(TaskReadModel.COMPLETED, 3),
    FAILED(TaskReadModel.FAILED, 3);

    private final String wireName;

    private final int rank;

    TaskStatus(String wireName, int rank) {
        this.wireName = wireName;
        this.rank = rank;
    }

    /** The name in the public body and in the {@code tasks} collection. */
    public String wireName() {
        return wireName;
    }

    public int rank() {
        return rank;
    }

    public boolean isTerminal() {
        return rank == 3;
    }

    public static TaskStatus fromWireName(String wireName) {
        for (TaskStatus status : values()) {
            if (status.wireName.equals(wireName)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown task status: " + wireName);
    }

}
