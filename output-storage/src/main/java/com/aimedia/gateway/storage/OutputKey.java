package com.aimedia.gateway.storage;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where one output of one task is stored: {@code r<days>/<taskId>/<index>.<ext>}. The key
 * depends only on the task, the output's position, its media type and the retention the
 * tenant had when it was stored, so a copy repeated after a crash writes the same object
 * again instead of a second one. The retention in the key is what deletes it (an S3
 * lifecycle rule per prefix, the local sweeper) and what the task body reports, so the
 * two can never disagree.
 *
 * @param retentionDays how long the object is kept after it was stored
 */
public record OutputKey(int retentionDays, String taskId, int index, String extension) {

    public static final int MAX_RETENTION_DAYS = 36_500;

    private static final Pattern TASK_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]{1,5}");

    private static final Pattern KEY = Pattern
        .compile("r(\\d{1,5})/([A-Za-z0-9_-]{1,128})/(\\d{1,4})\\.([a-z0-9]{1,5})");

    public OutputKey {
        if (retentionDays < 1 || retentionDays > MAX_RETENTION_DAYS) {
            throw new IllegalArgumentException("retention must be 1 to " + MAX_RETENTION_DAYS + " days");
        }
        if (!TASK_ID.matcher(taskId).matches()) {
            throw new IllegalArgumentException("task id not usable in an object key");
        }
        if (index < 0 || index > 9999) {
            throw new IllegalArgumentException("output index must be 0 to 9999");
        }
        if (!EXTENSION.matcher(extension).matches()) {
            throw new IllegalArgumentException("file extension must be 1 to 5 lowercase letters or digits");
        }
    }

    /**
     * The key of a well-formed string; empty for anything else (a path outside the store
     * included).
     */
    public static Optional<OutputKey> parse(String key) {
        Matcher matcher = KEY.matcher(key);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int days = Integer.parseInt(matcher.group(1));
        if (days < 1 || days > MAX_RETENTION_DAYS) {
            return Optional.empty();
        }
        return Optional.of(new OutputKey(days, matcher.group(2), Integer.parseInt(matcher.group(3)), matcher.group(4)));
    }

    /** The key of an output of this media type. */
    public static OutputKey of(int retentionDays, String taskId, int index, String contentType) {
        return new OutputKey(retentionDays, taskId, index, MediaTypes.extensionOf(contentType));
    }

    /**
     * The prefix every object kept this many days shares; an S3 lifecycle rule filters on
     * it.
     */
    public static String retentionPrefix(int retentionDays) {
        return "r" + retentionDays + "/";
    }

    public String value() {
        return retentionPrefix(retentionDays) + taskId + "/" + index + "." + extension;
    }

    public String contentType() {
        return MediaTypes.ofExtension(extension);
    }

    /** The file name a browser saves the output under, e.g. {@code <taskId>-0.mp4}. */
    public String downloadName() {
        return taskId + "-" + index + "." + extension;
    }

    /**
     * {@code inline; filename="<taskId>-0.mp4"}: shown in the browser, saved under a name
     * that says what it is.
     */
    public String contentDisposition() {
        return "inline; filename=\"" + downloadName() + "\"";
    }

    @Override
    public String toString() {
        return value();
    }
}
