package com.aimedia.gateway.schemas;

import java.util.regex.Pattern;

/** Topic names of docs/design.md section 3, in one place. */
public final class Topics {

    public static final String SUBMITTED_PREFIX = "tasks.submitted.";

    public static final String POLL_PREFIX = "tasks.poll.";

    public static final String STATUS = "tasks.status";

    public static final String CHANGED = "tasks.changed";

    /** TaskCancelRequested, from api-service to the orchestrator. */
    public static final String CANCEL = "tasks.cancel";

    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    /** Every provider's submitted topic, but not their dead-letter topics. */
    public static final Pattern ALL_SUBMITTED = Pattern.compile("tasks\\.submitted\\.[a-z0-9-]+");

    private Topics() {
    }

    public static String submitted(String provider) {
        return SUBMITTED_PREFIX + provider;
    }

    public static String poll(String provider) {
        return POLL_PREFIX + provider;
    }

}
