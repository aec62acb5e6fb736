package com.aimedia.gateway.simulators.jimeng;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.aimedia.gateway.simulators.support.SampleMedia;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulated VolcEngine account: its Jimeng tasks, limits, prompt markers and test
 * knobs.
 */
final class JimengAccount {

    static final Set<String> VIDEO_KEYS = Set.of("jimeng_vgfm_t2v_l20", "jimeng_vgfm_i2v_l20", "jimeng_t2v_v30",
            "jimeng_t2v_v30_1080p", "jimeng_i2v_first_v30", "jimeng_i2v_first_v30_1080", "jimeng_i2v_first_tail_v30",
            "jimeng_i2v_first_tail_v30_1080", "jimeng_ti2v_v30_pro");
    static final Set<String> IMAGE_KEYS = Set.of("jimeng_high_aes_general_v21_L", "jimeng_t2i_v40");

    private final JimengSimulator.Config config;

    private final Map<String, JimengTask> tasks = new LinkedHashMap<>();

    private final Set<String> busyAnswered = new HashSet<>();

    private final List<String> submitBodies = new ArrayList<>();

    private final ConcurrentLinkedQueue<JimengError> submitFailures = new ConcurrentLinkedQueue<>();

    private final ConcurrentLinkedQueue<JimengError> resultFailures = new ConcurrentLinkedQueue<>();

    private volatile Duration responseDelay = Duration.ZERO;

    private long jobsCreated;

    JimengAccount(JimengSimulator.Config config) {
        this.config = config;
    }

    ObjectNode submit(String rawBody, JsonMapper json) {
        synchronized (this) {
            submitBodies.add(rawBody);
        }
        JimengError armed = submitFailures.poll();
        if (armed != null) {
            throw armed.answer();
        }
        JsonNode body = json.readTree(rawBody);
        String reqKey = body.path("req_key").asString("");
        String prompt = body.path("prompt").asString("");
        validate(reqKey, prompt, body);
        rejectByMarker(prompt);
        JimengTask task = admit(reqKey, prompt);
        ObjectNode data = json.createObjectNode();
        data.put("task_id", task.taskId());
        return data;
    }

    private static void validate(String reqKey, String prompt, JsonNode body) {
        if (!VIDEO_KEYS.contains(reqKey) && !IMAGE_KEYS.contains(reqKey)) {
            throw JimengError.business(200, 30404, "FeatNotFound: unknown req_key " + reqKey).answer();
        }
        // "_i2v_" keys start from an image; jimeng_ti2v_v30_pro takes a prompt, an image
        // or both
        boolean needsImage = reqKey.contains("_i2v_");
        boolean hasImage = body.path("image_urls").size() > 0 || body.path("binary_data_base64").size() > 0;
        if (needsImage && !hasImage) {
            throw JimengError.business(200, 50205, "Invalid parameter: image_urls or binary_data_base64 is required")
                .answer();
        }
        if (!hasImage && prompt.isBlank()) {
            throw JimengError.business(200, 50205, "Invalid parameter: prompt is required").answer();
        }
        JsonNode frames = body.get("frames");
        if (frames != null && frames.asInt() != 121 && frames.asInt() != 241) {
            throw JimengError.business(200, 50205, "Invalid parameter: frames must be 121 or 241").answer();
        }
    }

    private static void rejectByMarker(String prompt) {
        if (prompt.contains("[sim:server-error]")) {
            throw JimengError.internalError().answer();
        }
        if (prompt.contains("[sim:no-credits]")) {
            throw JimengError.accountOverdue().answer();
        }
        if (prompt.contains("[sim:reject-content]")) {
            throw JimengError.textRisk().answer();
        }
    }

    private synchronized JimengTask admit(String reqKey, String prompt) {
        Instant now = config.clock().instant();
        if (prompt.contains("[sim:busy]") && busyAnswered.add(prompt)) {
            throw JimengError.concurrencyLimit().answer();
        }
        if (tasks.values().stream().filter(t -> t.inFlight(now)).count() >= config.concurrencyLimit()) {
            throw JimengError.concurrencyLimit().answer();
        }
        JimengError failure = prompt.contains("[sim:content-policy]") ? JimengError.outputRisk() : null;
        JimengTask task = new JimengTask(Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits())), reqKey,
                IMAGE_KEYS.contains(reqKey), now, config.queuedFor(), config.runningFor(), failure,
                prompt.contains("[sim:expired]"));
        tasks.put(task.taskId(), task);
        jobsCreated++;
        return task;
    }

    /**
     * The {@code data} of a GetResult answer; a finished failed task answers its error
     * code instead.
     */
    ObjectNode getResult(String rawBody, JsonMapper json, String baseUrl) {
        JimengError armed = resultFailures.poll();
        if (armed != null) {
            throw armed.answer();
        }
        JsonNode body = json.readTree(rawBody);
        JimengTask task;
        synchronized (this) {
            task = tasks.get(body.path("task_id").asString(""));
        }
        ObjectNode data = json.createObjectNode();
        if (task == null || !task.reqKey().equals(body.path("req_key").asString(""))) {
            data.put("status", "not_found");
            return data;
        }
        String status = task.status(config.clock().instant());
        if (JimengTask.DONE.equals(status) && task.failure() != null) {
            throw task.failure().answer();
        }
        data.put("status", status);
        if (JimengTask.DONE.equals(status)) {
            if (task.image()) {
                // base64 by default, as the image req_keys answer unless asked for URLs
                data.putArray("binary_data_base64").add(Base64.getEncoder().encodeToString(SampleMedia.greenPng()));
                data.putNull("image_urls");
            }
            else {
                data.put("video_url", baseUrl + "/files/" + task.taskId() + ".mp4");
            }
        }
        return data;
    }

    synchronized boolean hasVideo(String taskId) {
        JimengTask task = tasks.get(taskId);
        return task != null && !task.image() && task.resultAvailable(config.clock().instant(), config.urlLifetime());
    }

    void failNextSubmit(JimengError error) {
        submitFailures.add(error);
    }

    void failNextResult(JimengError error) {
        resultFailures.add(error);
    }

    synchronized void forceStatus(String taskId, String raw) {
        JimengTask task = tasks.get(taskId);
        if (task == null) {
            throw new IllegalArgumentException("no simulated task " + taskId);
        }
        task.forceStatus(raw);
    }

    void delayResponses(Duration delay) {
        this.responseDelay = delay;
    }

    Duration responseDelay() {
        return responseDelay;
    }

    synchronized List<String> submitBodies() {
        return List.copyOf(submitBodies);
    }

    synchronized long jobsCreated() {
        return jobsCreated;
    }

    synchronized int createdTaskCount() {
        return tasks.size();
    }

}
