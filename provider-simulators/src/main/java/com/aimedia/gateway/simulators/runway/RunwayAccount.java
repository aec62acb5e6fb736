package com.aimedia.gateway.simulators.runway;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulated Runway organization: its tasks, its concurrency (THROTTLED), prompt
 * markers and test knobs.
 */
final class RunwayAccount {

    static final RunwayTask.Failure INPUT_MODERATION = new RunwayTask.Failure(
            "The input did not pass content moderation.", "SAFETY.INPUT.TEXT");
    static final RunwayTask.Failure OUTPUT_MODERATION = new RunwayTask.Failure(
            "The output did not pass content moderation.", "SAFETY.OUTPUT.VIDEO");
    static final RunwayTask.Failure BAD_OUTPUT = new RunwayTask.Failure(
            "An unexpected error occurred while generating the output.", "INTERNAL.BAD_OUTPUT.CODE01");

    private final RunwaySimulator.Config config;

    private final Supplier<String> host;

    private final JsonMapper json;

    private final Map<String, RunwayTask> tasks = new LinkedHashMap<>();

    private final List<RunwaySimulator.RecordedCreate> creates = new ArrayList<>();

    private final ConcurrentLinkedQueue<RunwayError> createFailures = new ConcurrentLinkedQueue<>();

    private final ConcurrentLinkedQueue<RunwayError> getFailures = new ConcurrentLinkedQueue<>();

    private final ConcurrentLinkedQueue<RunwayTask.Failure> failedInsideOk = new ConcurrentLinkedQueue<>();

    private long jobsCreated;

    private long jobsCancelled;

    RunwayAccount(RunwaySimulator.Config config, Supplier<String> host, JsonMapper json) {
        this.config = config;
        this.host = host;
        this.json = json;
    }

    ObjectNode create(String endpoint, String path, String rawBody) {
        synchronized (this) {
            creates.add(new RunwaySimulator.RecordedCreate(path, rawBody));
        }
        RunwayError armed = createFailures.poll();
        if (armed != null) {
            throw armed.answer();
        }
        JsonNode body = json.readTree(rawBody);
        if (!body.isObject()) {
            throw RunwayError.validation("body", "Expected an object").answer();
        }
        boolean image = "text_to_image".equals(endpoint);
        if (image) {
            RunwayRequestValidator.textToImage(body);
        }
        else {
            RunwayRequestValidator.imageToVideo(body, config.gen3aTurboAccepted());
        }
        String prompt = body.path("promptText").asString("");
        rejectByMarker(prompt);
        RunwayTask task = admit(prompt, image ? "png" : "mp4");
        return json.createObjectNode().put("id", task.id());
    }

    private static void rejectByMarker(String prompt) {
        if (prompt.contains("[sim:server-error]")) {
            throw RunwayError.serverError().answer();
        }
        if (prompt.contains("[sim:no-credits]")) {
            throw RunwayError.notEnoughCredits().answer();
        }
        if (prompt.contains("[sim:daily-limit]")) {
            throw RunwayError.dailyLimit(null).answer();
        }
    }

    /**
     * Over concurrency the task is accepted and THROTTLED until the earliest running task
     * ends.
     */
    private synchronized RunwayTask admit(String prompt, String extension) {
        Instant now = config.clock().instant();
        List<RunwayTask> inFlight = tasks.values().stream().filter(t -> t.inFlight(now)).toList();
        Duration throttled = Duration.ZERO;
        if (inFlight.size() >= config.concurrencyLimit()) {
            Instant freed = inFlight.stream().map(RunwayTask::endsAt).min(Comparator.naturalOrder()).orElse(now);
            throttled = Duration.between(now, freed);
        }
        if (prompt.contains("[sim:busy]")) {
            throttled = throttled.plus(config.queuedFor());
        }
        int factor = prompt.contains("[sim:slow]") ? config.slowFactor() : 1;
        RunwayTask task = new RunwayTask(UUID.randomUUID().toString(), now, throttled,
                config.queuedFor().multipliedBy(factor), config.runningFor().multipliedBy(factor), failureFor(prompt),
                extension);
        tasks.put(task.id(), task);
        jobsCreated++;
        return task;
    }

    private static RunwayTask.@Nullable Failure failureFor(String prompt) {
        if (prompt.contains("[sim:content-policy]")) {
            return INPUT_MODERATION;
        }
        if (prompt.contains("[sim:output-moderation]")) {
            return OUTPUT_MODERATION;
        }
        return prompt.contains("[sim:bad-output]") ? BAD_OUTPUT : null;
    }

    ObjectNode get(String id) {
        RunwayError armed = getFailures.poll();
        if (armed != null) {
            throw armed.answer();
        }
        RunwayTask task = find(id);
        Instant now = config.clock().instant();
        RunwayTask.Failure inside = failedInsideOk.poll();
        if (inside != null) {
            return json.createObjectNode()
                .put("id", id)
                .put("createdAt", now.toString())
                .put("status", RunwayTask.FAILED)
                .put("failure", inside.failure())
                .put("failureCode", inside.failureCode());
        }
        long expires = now.plus(config.urlLifetime()).getEpochSecond();
        return task.render(json.createObjectNode(), now,
                host.get() + "/files/" + id + "." + task.extension() + "?exp=" + expires);
    }

    /**
     * {@code DELETE /v1/tasks/{id}}: cancels a task in flight, deletes a finished one.
     */
    synchronized void delete(String id) {
        RunwayTask task = find(id);
        if (task.inFlight(config.clock().instant())) {
            task.forceStatus(RunwayTask.CANCELLED);
            jobsCancelled++;
        }
        else {
            tasks.remove(id);
        }
    }

    private synchronized RunwayTask find(String id) {
        RunwayTask task = tasks.get(id);
        if (task == null) {
            throw RunwayError.notFound().answer();
        }
        return task;
    }

    /**
     * 200 for a live URL of a succeeded task, 403 once the URL expired, 404 otherwise.
     */
    synchronized int fileStatus(String id, String extension, long expiresAt) {
        RunwayTask task = tasks.get(id);
        Instant now = config.clock().instant();
        if (task == null || !task.extension().equals(extension) || !RunwayTask.SUCCEEDED.equals(task.status(now))) {
            return 404;
        }
        return now.getEpochSecond() > expiresAt ? 403 : 200;
    }

    void failNextCreate(RunwayError error) {
        createFailures.add(error);
    }

    void failNextGet(RunwayError error) {
        getFailures.add(error);
    }

    void answerNextGetFailed(RunwayTask.Failure failure) {
        failedInsideOk.add(failure);
    }

    synchronized void forceStatus(String id, String raw) {
        find(id).forceStatus(raw);
    }

    synchronized long jobsCancelled() {
        return jobsCancelled;
    }

    synchronized long jobsCreated() {
        return jobsCreated;
    }

    synchronized int taskCount() {
        return tasks.size();
    }

    synchronized List<RunwaySimulator.RecordedCreate> creates() {
        return List.copyOf(creates);
    }

}
