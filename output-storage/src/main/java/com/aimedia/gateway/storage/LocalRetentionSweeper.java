package com.aimedia.gateway.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an S3 lifecycle rule does for a bucket, done for the local directory: deletes
 * every output older than the retention in its key ({@code r<days>/...}), and
 * {@code .partial} files a crash left behind (after a day, so a copy in progress is never
 * touched). Replicas sharing the directory may sweep at the same time: deleting is
 * idempotent.
 */
public final class LocalRetentionSweeper {

    private static final Logger log = LoggerFactory.getLogger(LocalRetentionSweeper.class);

    private static final Pattern RETENTION_DIRECTORY = Pattern.compile("r(\\d{1,5})");

    private static final Duration PARTIAL_MAX_AGE = Duration.ofDays(1);

    /**
     * A file is written just before the task completes; it outlives the
     * {@code outputs_expire_at} it reports.
     */
    private static final Duration GRACE = Duration.ofHours(1);

    private final Path directory;

    private final StorageMetrics metrics;

    public LocalRetentionSweeper(Path directory, StorageMetrics metrics) {
        this.directory = directory.toAbsolutePath().normalize();
        this.metrics = metrics;
    }

    /**
     * @return how many outputs were deleted
     */
    public long sweep(Instant now) {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        long deleted = 0;
        try (DirectoryStream<Path> retentions = Files.newDirectoryStream(directory)) {
            for (Path retention : retentions) {
                Matcher days = RETENTION_DIRECTORY.matcher(retention.getFileName().toString());
                if (days.matches() && Files.isDirectory(retention)) {
                    deleted += sweepTasks(retention, Duration.ofDays(Integer.parseInt(days.group(1))), now);
                }
            }
        }
        catch (IOException | UncheckedIOException e) {
            metrics.storeError("local", "sweep");
            log.error("output sweep failed, the next sweep tries again error={}", e.toString());
        }
        if (deleted > 0) {
            metrics.expired("local", deleted);
            log.info("expired outputs deleted count={}", deleted);
        }
        return deleted;
    }

    private long sweepTasks(Path retentionDirectory, Duration retention, Instant now) throws IOException {
        long deleted = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(retentionDirectory, Files::isDirectory)) {
            for (Path task : tasks) {
                deleted += sweepFiles(task, retention, now);
                deleteIfEmpty(task);
            }
        }
        return deleted;
    }

    private long sweepFiles(Path task, Duration retention, Instant now) throws IOException {
        long deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(task, Files::isRegularFile)) {
            for (Path file : files) {
                Instant modified = Files.getLastModifiedTime(file).toInstant();
                if (file.getFileName().toString().endsWith(LocalOutputStore.PARTIAL_SUFFIX)) {
                    if (!modified.plus(PARTIAL_MAX_AGE).isAfter(now)) {
                        Files.deleteIfExists(file);
                    }
                }
                else if (!modified.plus(retention).plus(GRACE).isAfter(now) && Files.deleteIfExists(file)) {
                    deleted++;
                }
            }
        }
        return deleted;
    }

    private static void deleteIfEmpty(Path task) throws IOException {
        try (DirectoryStream<Path> left = Files.newDirectoryStream(task)) {
            if (left.iterator().hasNext()) {
                return;
            }
        }
        try {
            Files.deleteIfExists(task);
        }
        catch (java.nio.file.DirectoryNotEmptyException e) {
            // another replica wrote into it meanwhile: it stays
        }
    }

}
