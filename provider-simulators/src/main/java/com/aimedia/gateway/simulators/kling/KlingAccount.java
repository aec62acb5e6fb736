package com.aimedia.gateway.simulators.kling;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.simulators.support.Pause;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulated Kling account: its tasks, its concurrency limit, the prompt markers and
 * the test knobs.
 */
final class KlingAccount {

    static final String IMAGES = "images";
    static final Set<String> FAMILIES = Set.of("text2video", "image2video", IMAGES);
    static final String RISK_CONTROL_MESSAGE = "Failure to pass the risk control system";

    private final KlingSimulator.Config config;

    private final Supplier<String> baseUrl;

    private final Map<String, SimulatedTask> tasks = new LinkedHashMap<>();

    private final Map<String, String> taskIdByExternalId = new LinkedHashMap<>();

    private final Map<String, SimulatedTask> tasksByFileId = new LinkedHashMap<>();

    private final Set<String> busyAnswered = new HashSet<>();

    private final List<KlingSimulator.RecordedCreate> createRequests = new ArrayList<>();

    private final ConcurrentLinkedQueue<KlingError> createFailures = new ConcurrentLinkedQueue<>();

    private final ConcurrentLinkedQueue<KlingError> queryFailures = new ConcurrentLinkedQueue<>();

    private final AtomicLong nextTaskId = new AtomicLong(
            860_000_000_000_000_000L + ThreadLocalRandom.current().nextLong(10_000_000_000_000_000L));

    private volatile Duration responseDelay = Duration.ZERO;

    private long jobsCreated;

    KlingAccount(KlingSimulator.Config config, Supplier<String> baseUrl) {
        this.config = config;
        this.baseUrl = baseUrl;
    }

    static String requestId() {
        return UUID.randomUUID().toString();
    }

    JsonNode create(String family, String path, String rawBody, JsonMapper json) {
        synchronized (this) {
            createRequests.add(new KlingSimulator.RecordedCreate(path, rawBody));
        }
        KlingError armed = createFailures.poll();
        if (armed != null) {
            throw armed.answer();
        }
        JsonNode body = json.readTree(rawBody);
        KlingRequestValidator.validate(family, body);
        String prompt = Optional.ofNullable(KlingRequestValidator.optionalString(body, "prompt")).orElse("");
        String externalTaskId = KlingRequestValidator.optionalString(body, "external_task_id");
        rejectByMarker(prompt);
        SimulatedTask task = admit(family, prompt, externalTaskId, body);
        if (prompt.contains("[sim:lost-response]")) {
            throw KlingError.gatewayTimeout().answer();
        }
        ObjectNode data = json.createObjectNode();
        data.put("task_id", task.taskId());
        data.put("task_status", SimulatedTask.SUBMITTED);
        ObjectNode info = data.putObject("task_info");
        if (externalTaskId != null) {
            info.put("external_task_id", externalTaskId);
        }
        long created = config.clock().millis();
        data.put("created_at", created);
        data.put("updated_at", created);
        return data;
    }

    private static void rejectByMarker(String prompt) {
        if (prompt.contains("[sim:server-error]")) {
            throw KlingError.serverError().answer();
        }
        if (prompt.contains("[sim:arrears]")) {
            throw KlingError.arrears().answer();
        }
        if (prompt.contains("[sim:no-credits]")) {
            throw KlingError.resourcePackDepleted().answer();
        }
        if (prompt.contains("[sim:reject-content]")) {
            throw KlingError.contentSecurity().answer();
        }
    }

    private synchronized SimulatedTask admit(String family, String prompt, @Nullable String externalTaskId,
            JsonNode body) {
        if (externalTaskId != null && taskIdByExternalId.containsKey(externalTaskId)) {
            throw new KlingError(400, 1201, "Invalid parameter value: external_task_id already exists").answer();
        }
        if (prompt.contains("[sim:busy]") && busyAnswered.add(externalTaskId != null ? externalTaskId : prompt)) {
            throw KlingError.concurrencyLimit().answer();
        }
        Instant now = config.clock().instant();
        // concurrency is per resource pack (video vs image); an image task holds n slots
        boolean image = IMAGES.equals(family);
        int slots = image ? imageCount(body) : 1;
        long inFlight = tasks.values()
            .stream()
            .filter(t -> t.isImageTask() == image && t.inFlight(now))
            .mapToLong(SimulatedTask::slots)
            .sum();
        if (inFlight + slots > config.concurrencyLimit()) {
            throw KlingError.concurrencyLimit().answer();
        }
        int factor = prompt.contains("[sim:slow]") ? config.slowFactor() : 1;
        String failure = prompt.contains("[sim:content-policy]") ? RISK_CONTROL_MESSAGE : null;
        String duration = Optional.ofNullable(KlingRequestValidator.optionalString(body, "duration")).orElse("5");
        SimulatedTask task = new SimulatedTask(
                Long.toString(nextTaskId.addAndGet(1 + ThreadLocalRandom.current().nextInt(997))), family,
                externalTaskId, now, config.queuedFor().multipliedBy(factor),
                config.processingFor().multipliedBy(factor), failure, duration, UUID.randomUUID().toString(),
                image ? slots : 0);
        tasks.put(task.taskId(), task);
        jobsCreated++;
        tasksByFileId.put(task.fileId(), task);
        if (externalTaskId != null) {
            taskIdByExternalId.put(externalTaskId, task.taskId());
        }
        return task;
    }

    JsonNode query(String family, String id, JsonMapper json) {
        KlingError armed = queryFailures.poll();
        if (armed != null) {
            throw armed.answer();
        }
        SimulatedTask task;
        synchronized (this) {
            task = tasks.get(id);
            if (task == null && taskIdByExternalId.containsKey(id)) {
                task = tasks.get(taskIdByExternalId.get(id));
            }
        }
        if (task == null || !task.family().equals(family)) {
            throw new KlingError(404, 1203, "Resource not found: task does not exist").answer();
        }
        ObjectNode data = json.createObjectNode();
        task.render(data, config.clock().instant(), baseUrl.get());
        return data;
    }

    private static int imageCount(JsonNode body) {
        JsonNode n = body.get("n");
        return n == null || n.isNull() ? 1 : n.asInt();
    }

    /**
     * Whether the file id belongs to a task that succeeded (its video or images may be
     * downloaded).
     */
    synchronized boolean hasFile(String fileId) {
        SimulatedTask task = tasksByFileId.get(fileId);
        return task != null && task.succeeded(config.clock().instant());
    }

    void failNextCreate(KlingError error) {
        createFailures.add(error);
    }

    void failNextQuery(KlingError error) {
        queryFailures.add(error);
    }

    synchronized void forceStatus(String taskId, String rawStatus) {
        SimulatedTask task = tasks.get(taskId);
        if (task == null) {
            throw new IllegalArgumentException("no simulated task " + taskId);
        }
        task.forceStatus(rawStatus);
    }

    void delayResponses(Duration delay) {
        this.responseDelay = delay;
    }

    void sleepConfiguredDelay() {
        Pause.sleep(responseDelay);
    }

    synchronized long jobsCreated() {
        return jobsCreated;
    }

    synchronized int createdTaskCount() {
        return tasks.size();
    }

    synchronized List<KlingSimulator.RecordedCreate> createRequests() {
        return List.copyOf(createRequests);
    }

    synchronized Optional<String> taskIdForExternalId(String externalTaskId) {
        return Optional.ofNullable(taskIdByExternalId.get(externalTaskId));
    }

    synchronized void reset() {
        tasks.clear();
        jobsCreated = 0;
        taskIdByExternalId.clear();
        tasksByFileId.clear();
        busyAnswered.clear();
        createRequests.clear();
        createFailures.clear();
        queryFailures.clear();
        responseDelay = Duration.ZERO;
    }

}
