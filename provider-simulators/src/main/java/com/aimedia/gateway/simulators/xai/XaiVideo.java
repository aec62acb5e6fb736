package com.aimedia.gateway.simulators.xai;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.node.ObjectNode;

/**
 * One simulated Grok Imagine video request. While queued the poll body is just
 * {@code {"request_id": ...}} (the pending body is not pinned by the docs; a proxy
 * reports this shape), then {@code {"status":"pending"}}, then {@code done},
 * {@code failed} or {@code expired}.
 */
final class XaiVideo {

    static final String PENDING = "pending";
    static final String DONE = "done";
    static final String FAILED = "failed";
    static final String EXPIRED = "expired";

    final String requestId;

    final Instant createdAt;

    final Duration queuedFor;

    final Duration runningFor;

    final String finalStatus;

    final boolean respectModeration;

    final int duration;

    private volatile @Nullable String forcedStatus;

    XaiVideo(String requestId, Instant createdAt, Duration queuedFor, Duration runningFor, String finalStatus,
            boolean respectModeration, int duration) {
        this.requestId = requestId;
        this.createdAt = createdAt;
        this.queuedFor = queuedFor;
        this.runningFor = runningFor;
        this.finalStatus = finalStatus;
        this.respectModeration = respectModeration;
        this.duration = duration;
    }

    void force(String raw) {
        forcedStatus = raw;
    }

    boolean available(Instant now) {
        return DONE.equals(status(now)) && respectModeration;
    }

    @Nullable String status(Instant now) {
        if (forcedStatus != null) {
            return forcedStatus;
        }
        if (now.isBefore(createdAt.plus(queuedFor))) {
            return null;
        }
        return now.isBefore(createdAt.plus(queuedFor).plus(runningFor)) ? PENDING : finalStatus;
    }

    void render(ObjectNode node, Instant now, String filesBase) {
        String status = status(now);
        if (status == null) {
            node.put("request_id", requestId);
            return;
        }
        node.put("status", status);
        if (DONE.equals(status)) {
            ObjectNode video = node.putObject("video");
            if (respectModeration) {
                video.put("url", filesBase + "/videos/" + requestId + ".mp4");
            }
            video.put("duration", duration);
            video.put("respect_moderation", respectModeration);
            node.put("model", "grok-imagine-video");
            node.putObject("usage").put("cost_in_usd_ticks", 500000000L);
        }
        else if (FAILED.equals(status)) {
            node.putObject("video").put("duration", 0).put("respect_moderation", true);
            node.put("model", "");
            node.putObject("error").put("code", "internal_error").put("message", "Video generation failed");
        }
    }

}
