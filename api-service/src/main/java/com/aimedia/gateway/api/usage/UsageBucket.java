package com.aimedia.gateway.api.usage;

import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/** The counts of one group (a model or a day), built up one task at a time. */
final class UsageBucket {

    private final Map<String, Long> byStatus = new TreeMap<>(
            Map.of("queued", 0L, "in_progress", 0L, "completed", 0L, "failed", 0L));

    private long images;

    private long videos;

    private long videoSeconds;

    private long videosWithoutDuration;

    private long audio;

    void add(String status, String kind, int outputs, @Nullable Integer requestedSeconds) {
        byStatus.merge(status, 1L, Long::sum);
        if (!status.equals("completed")) {
            return;
        }
        switch (kind) {
            case "image" -> images += outputs;
            case "video" -> {
                videos += outputs;
                if (requestedSeconds == null) {
                    videosWithoutDuration += outputs;
                }
                else {
                    videoSeconds += (long) requestedSeconds * outputs;
                }
            }
            case "audio" -> audio += outputs;
            default -> {
                // a model no longer in the catalog: its tasks count, its outputs have no
                // known kind
            }
        }
    }

    UsageController.GroupView view(String key) {
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
        return new UsageController.GroupView(key, total, Map.copyOf(byStatus), images, videos, videoSeconds,
                videosWithoutDuration, audio);
    }

}
