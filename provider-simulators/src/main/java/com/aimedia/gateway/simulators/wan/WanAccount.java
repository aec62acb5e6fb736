package com.aimedia.gateway.simulators.wan;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The simulated DashScope account: Wan tasks, limits, prompt markers and test knobs. */
final class WanAccount {

    static final Set<String> VIDEO_MODELS = Set.of("wan2.1-t2v-turbo", "wan2.1-t2v-plus", "wanx2.1-t2v-turbo",
            "wanx2.1-t2v-plus", "wanx2.1-i2v-turbo", "wanx2.1-i2v-plus", "wanx2.1-kf2v-plus", "wan2.2-t2v-plus",
            "wan2.2-i2v-plus", "wan2.2-i2v-flash", "wan2.5-t2v-preview", "wan2.6-t2v", "wan2.7-t2v", "wan2.7-i2v",
            "wan2.6-r2v", "wan2.7-r2v");
    static final Set<String> IMAGE_MODELS = Set.of("wanx2.1-t2i-turbo", "wanx2.1-t2i-plus", "wanx2.0-t2i-turbo",
            "wan2.2-t2i-flash", "wan2.2-t2i-plus", "wan2.5-t2i-preview");

    private final WanSimulator.Config config;

    private final JsonMapper json;

    private final Supplier<String> filesBase;

    private final Map<String, WanTask> tasks = new LinkedHashMap<>();

    private final Set<String> busyAnswered = new HashSet<>();

    private final List<String> submitBodies = new ArrayList<>();

    private final ConcurrentLinkedQueue<WanError> submitFailures = new ConcurrentLinkedQueue<>();

    private final ConcurrentLinkedQueue<WanError> taskFailures = new ConcurrentLinkedQueue<>();

    private volatile Duration responseDelay = Duration.ZERO;

    private long jobsCreated;

    private long jobsCancelled;

    WanAccount(WanSimulator.Config config, JsonMapper json, Supplier<String> filesBase) {
        this.config = config;
        this.json = json;
        this.filesBase = filesBase;
    }

    ObjectNode submit(boolean imageEndpoint, String rawBody) {
        synchronized (this) {
            submitBodies.add(rawBody);
        }
        WanError armed = submitFailures.poll();
        if (armed != null) {
            throw armed.answer();
        }
        JsonNode body = json.readTree(rawBody);
        String model = body.path("model").asString("");
        if (!(imageEndpoint ? IMAGE_MODELS : VIDEO_MODELS).contains(model)) {
            throw WanError.invalidParameter("Model not exist.").answer();
        }
        JsonNode input = body.path("input");
        String prompt = input.path("prompt").asString("");
        validate(model, prompt, input, body.path("parameters"));
        rejectByMarker(prompt);
        WanTask task = admit(imageEndpoint, prompt, body.path("parameters").path("n").asInt(1));
        ObjectNode output = json.createObjectNode();
        output.put("task_id", task.taskId());
        output.put("task_status", "PENDING");
        return output;
    }

    private static void validate(String model, String prompt, JsonNode input, JsonNode parameters) {
        boolean needsImage = model.contains("i2v");
        if (needsImage && input.path("img_url").asString("").isBlank()) {
            throw WanError.invalidParameter("Field required: input.img_url").answer();
        }
        if (model.contains("kf2v") && input.path("first_frame_url").asString("").isBlank()) {
            throw WanError.invalidParameter("Field required: input.first_frame_url").answer();
        }
        if (!needsImage && !model.contains("kf2v") && prompt.isBlank()) {
            throw WanError.invalidParameter("Field required: input.prompt").answer();
        }
        int n = parameters.path("n").asInt(1);
        if (n < 1 || n > 4) {
            throw WanError.invalidParameter("The parameter n must be between 1 and 4.").answer();
        }
    }

    private static void rejectByMarker(String prompt) {
        if (prompt.contains("[sim:server-error]")) {
            throw WanError.internal().answer();
        }
        if (prompt.contains("[sim:no-credits]")) {
            throw WanError.arrearage().answer();
        }
        if (prompt.contains("[sim:reject-content]")) {
            throw WanError.dataInspection().answer();
        }
    }

    private synchronized WanTask admit(boolean image, String prompt, int count) {
        Instant now = config.clock().instant();
        if (prompt.contains("[sim:busy]") && busyAnswered.add(prompt)) {
            throw WanError.rateQuota().answer();
        }
        if (tasks.values().stream().filter(t -> t.inFlight(now, config.retention())).count() >= config
            .concurrencyLimit()) {
            throw WanError.allocationQuota().answer();
        }
        WanTask task = new WanTask(UUID.randomUUID().toString(), image, count, now, config.queuedFor(),
                config.runningFor(), prompt.contains("[sim:content-policy]"), prompt.contains("[sim:unknown]"));
        tasks.put(task.taskId(), task);
        jobsCreated++;
        return task;
    }

    /**
     * The {@code output} of {@code GET /tasks/{id}}: an unknown or expired task is
     * {@code UNKNOWN}, still HTTP 200.
     */
    ObjectNode task(String taskId) {
        WanError armed = taskFailures.poll();
        if (armed != null) {
            throw armed.answer();
        }
        WanTask task;
        synchronized (this) {
            task = tasks.get(taskId);
        }
        ObjectNode output = json.createObjectNode();
        if (task == null) {
            output.put("task_id", taskId);
            output.put("task_status", "UNKNOWN");
            return output;
        }
        task.render(output, config.clock().instant(), config.retention(), filesBase.get());
        return output;
    }

    /** Only PENDING tasks can be cancelled. */
    synchronized ObjectNode cancel(String taskId) {
        WanTask task = tasks.get(taskId);
        if (task == null || !"PENDING".equals(task.status(config.clock().instant(), config.retention()))) {
            throw new WanError(400, "UnsupportedOperation",
                    "Failed to cancel the task, please confirm if the task " + "status is PENDING")
                .answer();
        }
        task.forceStatus("CANCELED");
        jobsCancelled++;
        return json.createObjectNode();
    }

    synchronized boolean hasResult(String taskId) {
        WanTask task = tasks.get(taskId);
        return task != null && task.hasResult(config.clock().instant(), config.retention());
    }

    synchronized boolean isImage(String taskId) {
        WanTask task = tasks.get(taskId);
        return task != null && task.image();
    }

    void failNextSubmit(WanError error) {
        submitFailures.add(error);
    }

    void failNextTask(WanError error) {
        taskFailures.add(error);
    }

    synchronized void forceStatus(String taskId, String raw) {
        WanTask task = tasks.get(taskId);
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

    synchronized long jobsCancelled() {
        return jobsCancelled;
    }

    synchronized long jobsCreated() {
        return jobsCreated;
    }

    synchronized List<String> submitBodies() {
        return List.copyOf(submitBodies);
    }

}
