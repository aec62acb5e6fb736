package com.aimedia.gateway.simulators.vidu;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulated Vidu organisation: its tasks, its concurrency slots, request validation,
 * markers and test knobs.
 */
final class ViduAccount {

    static final Set<String> ENDPOINTS = Set.of("text2video", "img2video", "start-end2video", "reference2video");

    /**
     * Vidu's text2video does not take vidu2.0 (docs/providers/vidu.md: viduq1 | vidu1.5,
     * later q2/q3).
     */
    static final Set<String> TEXT_MODELS = Set.of("viduq3-pro", "viduq3-turbo", "viduq2", "viduq1", "vidu1.5");
    static final Set<String> IMAGE_MODELS = Set.of("viduq3-pro", "viduq3-turbo", "viduq2", "viduq2-pro", "viduq2-turbo",
            "viduq1", "viduq1-classic", "vidu2.0", "vidu1.5");

    private final ViduSimulator.Config config;

    private final Map<String, ViduTask> tasks = new LinkedHashMap<>();

    private final Map<String, ViduTask> byCreationId = new LinkedHashMap<>();

    private final Set<String> busyAnswered = new HashSet<>();

    private final List<ViduSimulator.RecordedCreate> createRequests = new ArrayList<>();

    private final ConcurrentLinkedQueue<ViduError> createFailures = new ConcurrentLinkedQueue<>();

    private final ConcurrentLinkedQueue<ViduError> queryFailures = new ConcurrentLinkedQueue<>();

    private final ConcurrentLinkedQueue<String> failedInsideOk = new ConcurrentLinkedQueue<>();

    private final AtomicLong nextId = new AtomicLong(
            800_000_000_000_000_000L + ThreadLocalRandom.current().nextLong(100_000_000_000_000_000L));

    private long jobsCreated;

    private long jobsCancelled;

    ViduAccount(ViduSimulator.Config config) {
        this.config = config;
    }

    JsonNode create(String endpoint, String rawBody, JsonMapper json) {
        synchronized (this) {
            createRequests.add(new ViduSimulator.RecordedCreate(endpoint, rawBody));
        }
        ViduError armed = createFailures.poll();
        if (armed != null) {
            throw armed.answer();
        }
        JsonNode body = json.readTree(rawBody);
        String model = ViduRequestValidator.validate(endpoint, body);
        String prompt = body.path("prompt").asString("");
        rejectByMarker(prompt);
        ViduTask task = admit(body, model, prompt);
        ObjectNode answer = json.createObjectNode();
        answer.put("task_id", task.taskId);
        answer.put("state", ViduTask.CREATED);
        answer.put("model", model);
        answer.put("prompt", prompt);
        if (body.has("images")) {
            answer.set("images", body.get("images"));
        }
        answer.put("duration", body.path("duration").asInt(4));
        answer.put("seed", body.path("seed").asLong(ThreadLocalRandom.current().nextLong(1, 1L << 31)));
        answer.put("aspect_ratio", body.path("aspect_ratio").asString("16:9"));
        answer.put("resolution", body.path("resolution").asString("720p"));
        answer.put("movement_amplitude", body.path("movement_amplitude").asString("auto"));
        answer.put("payload", task.payload);
        answer.put("off_peak", body.path("off_peak").asBoolean(false));
        answer.put("credits", task.credits);
        answer.put("created_at", DateTimeFormatter.ISO_INSTANT.format(task.createdAt));
        return answer;
    }

    private static void rejectByMarker(String prompt) {
        if (prompt.contains("[sim:server-error]")) {
            throw ViduError.internal().answer();
        }
        if (prompt.contains("[sim:no-credits]")) {
            throw ViduError.creditInsufficient().answer();
        }
        if (prompt.contains("[sim:reject-content]")) {
            throw ViduError.promptPolicy().answer();
        }
    }

    private synchronized ViduTask admit(JsonNode body, String model, String prompt) {
        if (prompt.contains("[sim:busy]") && busyAnswered.add(body.path("payload").asString(prompt))) {
            throw ViduError.throttled(null).answer();
        }
        Instant now = config.clock().instant();
        int factor = prompt.contains("[sim:slow]") ? 5 : 1;
        String failure = prompt.contains("[sim:content-policy]") ? "CreationPolicyViolation"
                : prompt.contains("[sim:task-fail]") ? "InternalServiceFailure" : null;
        String callback = body.path("callback_url").asString(null);
        ViduTask task = new ViduTask(Long.toString(nextId.addAndGet(1 + ThreadLocalRandom.current().nextInt(997))),
                model, body.path("payload").asString(""), callback == null || callback.isBlank() ? null : callback, now,
                config.queuedFor().multipliedBy(factor), config.processingFor().multipliedBy(factor), failure,
                UUID.randomUUID().toString(), body.path("bgm").asBoolean(false), body.path("duration").asInt(4));
        tasks.put(task.taskId, task);
        jobsCreated++;
        byCreationId.put(task.creationId, task);
        return task;
    }

    ObjectNode query(String taskId, JsonMapper json, String filesBase) {
        ViduError armed = queryFailures.poll();
        if (armed != null) {
            throw armed.answer();
        }
        synchronized (this) {
            Instant now = advance();
            ViduTask task = tasks.get(taskId);
            if (task == null) {
                throw ViduError.taskNotFound().answer();
            }
            ObjectNode body = json.createObjectNode();
            String errCode = failedInsideOk.poll();
            task.render(body, errCode == null ? task.state(now) : ViduTask.FAILED, filesBase, urlExpiry(task));
            if (errCode != null) {
                body.put("err_code", errCode);
            }
            return body;
        }
    }

    synchronized void cancel(String taskId) {
        Instant now = advance();
        ViduTask task = tasks.get(taskId);
        if (task == null) {
            throw ViduError.taskNotFound().answer();
        }
        if (!ViduTask.CREATED.equals(task.state(now)) && !ViduTask.QUEUEING.equals(task.state(now))) {
            throw new ViduError(400, "BadRequest", "task state is scheduled, can not cancel").answer();
        }
        task.force(ViduTask.FAILED);
        jobsCancelled++;
    }

    /**
     * Starts waiting tasks while the organisation has free slots; returns the time it
     * advanced to.
     */
    synchronized Instant advance() {
        Instant now = config.clock().instant();
        long busy = tasks.values().stream().filter(t -> t.holdsSlot(now)).count();
        for (ViduTask task : tasks.values()) {
            if (busy < config.concurrencyLimit() && task.waitingForSlot(now)) {
                task.start(now);
                busy++;
            }
        }
        return now;
    }

    /** Callbacks due now: each task's state change, rendered, once. */
    synchronized List<ViduCallbacks.Due> dueCallbacks(JsonMapper json, String filesBase) {
        Instant now = advance();
        List<ViduCallbacks.Due> due = new ArrayList<>();
        for (ViduTask task : tasks.values()) {
            String state = task.takeStateToNotify(now);
            if (state != null && task.callbackUrl != null) {
                ObjectNode body = json.createObjectNode();
                task.render(body, state, filesBase, urlExpiry(task));
                due.add(new ViduCallbacks.Due(task.callbackUrl, json.writeValueAsBytes(body)));
            }
        }
        return due;
    }

    /**
     * Result URLs stop working {@code urlLifetime} after the task finished
     * (docs/providers/vidu.md: implement 1 h).
     */
    private Instant urlExpiry(ViduTask task) {
        Instant finished = task.finishedAt();
        return (finished == null ? config.clock().instant() : finished).plus(config.urlLifetime());
    }

    synchronized boolean fileAvailable(String creationId, long expires) {
        ViduTask task = byCreationId.get(creationId);
        Instant now = config.clock().instant();
        return task != null && ViduTask.SUCCESS.equals(task.state(now)) && now.getEpochSecond() < expires
                && expires <= urlExpiry(task).getEpochSecond();
    }

    void failNextCreate(ViduError error) {
        createFailures.add(error);
    }

    void failNextQuery(ViduError error) {
        queryFailures.add(error);
    }

    void failNextQueryInsideOk(String errCode) {
        failedInsideOk.add(errCode);
    }

    synchronized void forceState(String taskId, String rawState) {
        ViduTask task = tasks.get(taskId);
        if (task == null) {
            throw new IllegalArgumentException("no simulated task " + taskId);
        }
        task.force(rawState);
    }

    synchronized long jobsCancelled() {
        return jobsCancelled;
    }

    synchronized long jobsCreated() {
        return jobsCreated;
    }

    synchronized int createdTaskCount() {
        return tasks.size();
    }

    synchronized List<ViduSimulator.RecordedCreate> createRequests() {
        return List.copyOf(createRequests);
    }

    synchronized @Nullable String stateOf(String taskId) {
        ViduTask task = tasks.get(taskId);
        return task == null ? null : task.state(advance());
    }

}
