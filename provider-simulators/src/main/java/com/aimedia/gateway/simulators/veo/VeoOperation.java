package com.aimedia.gateway.simulators.veo;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One long-running operation. Google exposes no queued/running distinction: {@code done}
 * is absent until the operation ends, then {@code done: true} with a response (samples,
 * or zero samples when the safety filter removed them) or an {@code error}.
 */
final class VeoOperation {

    enum Outcome {

        SAMPLES, FILTERED, ERROR

    }

    static final String FILTER_REASON = "Unfortunately, we can't create videos from this prompt: it may violate "
            + "Gemini API's usage guidelines. You have not been charged for this attempt.";

    final String name;

    final boolean vertex;

    final String fileId;

    final int sampleCount;

    final Instant doneAt;

    final Outcome outcome;

    volatile @Nullable String forcedDone;

    VeoOperation(String name, boolean vertex, String fileId, int sampleCount, Instant doneAt, Outcome outcome) {
        this.name = name;
        this.vertex = vertex;
        this.fileId = fileId;
        this.sampleCount = sampleCount;
        this.doneAt = doneAt;
        this.outcome = outcome;
    }

    boolean done(Instant now) {
        return !now.isBefore(doneAt);
    }

    static Instant doneAt(Instant created, Duration queued, Duration running) {
        return created.plus(queued).plus(running);
    }

    /**
     * Renders the operation as {@code operations.get} (Gemini) or
     * {@code fetchPredictOperation} (Vertex) returns it.
     */
    void render(ObjectNode op, Instant now, String filesBase) {
        op.put("name", name);
        String forced = forcedDone;
        if (forced != null) {
            op.put("done", forced);
            return;
        }
        if (!done(now)) {
            return;
        }
        op.put("done", true);
        if (outcome == Outcome.ERROR) {
            op.putObject("error").put("code", 13).put("message", "Video generation failed due to an internal error.");
            return;
        }
        ObjectNode response = op.putObject("response");
        boolean filtered = outcome == Outcome.FILTERED;
        if (vertex) {
            response.put("@type", "type.googleapis.com/cloud.ai.large_models.vision.GenerateVideoResponse");
            render(response, filtered, "videos", filesBase);
        }
        else {
            response.put("@type", "type.googleapis.com/google.ai.generativelanguage.v1beta.PredictLongRunningResponse");
            render(response.putObject("generateVideoResponse"), filtered, "generatedSamples", filesBase);
        }
    }

    private void render(ObjectNode target, boolean filtered, String listName, String filesBase) {
        if (filtered) {
            target.put("raiMediaFilteredCount", sampleCount);
            target.putArray("raiMediaFilteredReasons").add(FILTER_REASON);
            return;
        }
        ArrayNode samples = target.putArray(listName);
        for (int i = 0; i < sampleCount; i++) {
            if (vertex) {
                samples.addObject()
                    .put("bytesBase64Encoded", Base64.getEncoder().encodeToString(VeoSimulator.tinyMp4()))
                    .put("mimeType", "video/mp4");
            }
            else {
                samples.addObject().putObject("video").put("uri", filesBase + fileId + "-" + i + ":download?alt=media");
            }
        }
    }

}
