package com.aimedia.gateway.simulators.minimax;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulated MiniMax account: tasks, files, request validation, prompt markers and
 * test knobs.
 */
final class MiniMaxAccount {

    static final Set<String> TEXT_MODELS = Set.of("MiniMax-Hailuo-2.3", "MiniMax-Hailuo-2.3-Fast", "MiniMax-Hailuo-02",
            "T2V-01-Director", "T2V-01");
    static final Set<String> IMAGE_MODELS = Set.of("MiniMax-Hailuo-2.3", "MiniMax-Hailuo-2.3-Fast", "MiniMax-Hailuo-02",
            "I2V-01-Director", "I2V-01-live", "I2V-01");

    private final MiniMaxSimulator.Config config;

    private final Map<String, MiniMaxTask> tasks = new LinkedHashMap<>();

    private final Map<String, MiniMaxTask> byFileId = new LinkedHashMap<>();

    private final Set<String> busyAnswered = new HashSet<>();

    private final List<String> createRequests = new ArrayList<>();

    final ConcurrentLinkedQueue<MiniMaxError> createFailures = new ConcurrentLinkedQueue<>();

    final ConcurrentLinkedQueue<MiniMaxError> queryFailures = new ConcurrentLinkedQueue<>();

    final ConcurrentLinkedQueue<MiniMaxError> retrieveFailures = new ConcurrentLinkedQueue<>();

    private final AtomicLong nextId = new AtomicLong(
            100_000_000_000_000L + ThreadLocalRandom.current().nextLong(900_000_000_000_000L));

    private long jobsCreated;

    MiniMaxAccount(MiniMaxSimulator.Config config) {
        this.config = config;
    }

    MiniMaxTask create(String rawBody, JsonMapper json) {
        synchronized (this) {
            createRequests.add(rawBody);
        }
        fail(createFailures);
        JsonNode body = json.readTree(rawBody);
        validate(body);
        String prompt = body.path("prompt").asString("");
        if (prompt.contains("[sim:server-error]")) {
            throw MiniMaxError.internal().answer();
        }
        if (prompt.contains("[sim:no-credits]")) {
            throw MiniMaxError.insufficientBalance().answer();
        }
        if (prompt.contains("[sim:reject-content]")) {
            throw MiniMaxError.inputSensitive().answer();
        }
        if (prompt.contains("[sim:real-name]")) {
            throw MiniMaxError.realNameRequired().answer();
        }
        return admit(body, prompt);
    }

    private synchronized MiniMaxTask admit(JsonNode body, String prompt) {
        if (prompt.contains("[sim:busy]") && busyAnswered.add(prompt)) {
            throw MiniMaxError.rateLimited(null).answer();
        }
        int factor = prompt.contains("[sim:slow]") ? 5 : 1;
        MiniMaxError failure = prompt.contains("[sim:content-policy]") ? new MiniMaxError(1027, "output new_sensitive")
                : prompt.contains("[sim:task-fail]") ? new MiniMaxError(1000, "unknown error") : null;
        String callback = body.path("callback_url").asString("");
        boolean tall = "1080P".equals(body.path("resolution").asString(""));
        MiniMaxTask task = new MiniMaxTask(
                Long.toString(nextId.addAndGet(1 + ThreadLocalRandom.current().nextInt(997))),
                Long.toString(nextId.addAndGet(1 + ThreadLocalRandom.current().nextInt(997))), config.clock().instant(),
                config.queuedFor().multipliedBy(factor), config.processingFor().multipliedBy(factor), failure,
                callback.isBlank() ? null : callback, tall ? 1920 : 1366, tall ? 1080 : 768);
        tasks.put(task.taskId, task);
        jobsCreated++;
        byFileId.put(task.fileId, task);
        return task;
    }

    private static void validate(JsonNode body) {
        String model = body.path("model").asString("");
        boolean hasImage = !body.path("first_frame_image").asString("").isBlank();
        boolean hasSubject = body.path("subject_reference").isArray() && !body.path("subject_reference").isEmpty();
        boolean known = "S2V-01".equals(model) ? hasSubject
                : hasImage ? IMAGE_MODELS.contains(model) : TEXT_MODELS.contains(model);
        if (!known) {
            throw MiniMaxError.invalidParams("model " + model + " does not support this input").answer();
        }
        if (!hasImage && !hasSubject && body.path("prompt").asString("").isBlank()) {
            throw MiniMaxError.invalidParams("prompt is required").answer();
        }
        if (body.path("prompt").asString("").length() > 2000) {
            throw MiniMaxError.invalidParams("prompt is longer than 2000 characters").answer();
        }
        JsonNode duration = body.get("duration");
        if (duration != null && !(duration.isIntegralNumber() && (duration.asInt() == 6 || duration.asInt() == 10))) {
            throw MiniMaxError.invalidParams("duration must be 6 or 10").answer();
        }
        String resolution = body.path("resolution").asString("");
        if (!resolution.isEmpty() && !Set.of("512P", "720P", "768P", "1080P").contains(resolution)) {
            throw MiniMaxError.invalidParams("resolution must be 512P, 720P, 768P or 1080P").answer();
        }
        if ("1080P".equals(resolution) && duration != null && duration.asInt() == 10) {
            throw MiniMaxError.invalidParams("1080P supports 6 s only").answer();
        }
    }

    ObjectNode query(String taskId, JsonMapper json) {
        fail(queryFailures);
        MiniMaxTask task;
        synchronized (this) {
            task = tasks.get(taskId);
        }
        if (task == null) {
            throw MiniMaxError.invalidParams("task_id not found").answer();
        }
        return render(task, task.status(config.clock().instant()), json);
    }

    ObjectNode render(MiniMaxTask task, String status, JsonMapper json) {
        ObjectNode body = json.createObjectNode();
        body.put("task_id", task.taskId);
        body.put("status", status);
        boolean success = MiniMaxTask.SUCCESS.equals(status) || "success".equals(status);
        body.put("file_id", success ? task.fileId : "");
        if (success) {
            body.put("video_width", task.width);
            body.put("video_height", task.height);
        }
        boolean failed = MiniMaxTask.FAIL.equals(status) || "failed".equals(status);
        MiniMaxError failure = failed ? task.failure : null;
        ObjectNode base = body.putObject("base_resp");
        base.put("status_code", failure == null ? 0 : failure.code());
        base.put("status_msg", failure == null ? "success" : failure.message());
        return body;
    }

    ObjectNode retrieve(String fileId, JsonMapper json, String filesBase) {
        fail(retrieveFailures);
        MiniMaxTask task;
        synchronized (this) {
            task = byFileId.get(fileId);
        }
        Instant now = config.clock().instant();
        if (task == null || !MiniMaxTask.SUCCESS.equals(task.status(now))) {
            throw MiniMaxError.invalidParams("file_id not found").answer();
        }
        long expires = now.plus(config.urlLifetime()).getEpochSecond();
        ObjectNode body = json.createObjectNode();
        ObjectNode file = body.putObject("file");
        file.put("file_id", Long.parseLong(task.fileId));
        file.put("bytes", MiniMaxSimulator.tinyMp4().length);
        file.put("created_at", task.finishedAt().getEpochSecond());
        file.put("filename", "output.mp4");
        file.put("purpose", "video_generation");
        file.put("download_url", filesBase + task.fileId + ".mp4?Expires=" + expires);
        file.put("backup_download_url", filesBase + task.fileId + ".mp4?backup=1&Expires=" + expires);
        ObjectNode base = body.putObject("base_resp");
        base.put("status_code", 0);
        base.put("status_msg", "success");
        return body;
    }

    synchronized boolean fileAvailable(String fileId, long expires) {
        MiniMaxTask task = byFileId.get(fileId);
        long now = config.clock().instant().getEpochSecond();
        return task != null && now < expires && expires <= now + config.urlLifetime().toSeconds()
                && MiniMaxTask.SUCCESS.equals(task.status(config.clock().instant()));
    }

    synchronized List<MiniMaxTask> tasks() {
        return List.copyOf(tasks.values());
    }

    synchronized void forceStatus(String taskId, String raw) {
        MiniMaxTask task = tasks.get(taskId);
        if (task == null) {
            throw new IllegalArgumentException("no simulated task " + taskId);
        }
        task.force(raw);
    }

    synchronized List<String> createRequests() {
        return List.copyOf(createRequests);
    }

    synchronized long jobsCreated() {
        return jobsCreated;
    }

    synchronized int createdTaskCount() {
        return tasks.size();
    }

    private static void fail(ConcurrentLinkedQueue<MiniMaxError> armed) {
        MiniMaxError error = armed.poll();
        if (error != null) {
            throw error.answer();
        }
    }

}
