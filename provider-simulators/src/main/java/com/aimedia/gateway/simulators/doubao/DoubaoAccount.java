package com.aimedia.gateway.simulators.doubao;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.aimedia.gateway.simulators.support.CallbackPoster;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulated Ark account: Seedance tasks, prompt markers, callbacks and test knobs.
 */
final class DoubaoAccount implements AutoCloseable {

    static final Set<String> MODELS = Set.of("doubao-seedance-1-0-pro-250528", "doubao-seedance-1-0-pro-fast",
            "doubao-seedance-1-0-lite-t2v-250428", "doubao-seedance-1-0-lite-i2v-250428",
            "doubao-seedance-1-5-pro-251215", "doubao-seedance-2-0-260128", "doubao-seedance-2-0-fast-260128");

    private static final Logger log = LoggerFactory.getLogger(DoubaoAccount.class);

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
        .withZone(ZoneOffset.UTC);

    private final DoubaoSimulator.Config config;

    private final JsonMapper json;

    private final Map<String, DoubaoTask> tasks = new LinkedHashMap<>();

    private final Set<String> busyAnswered = new HashSet<>();

    private final List<String> createBodies = new ArrayList<>();

    private final ConcurrentLinkedQueue<DoubaoError> createFailures = new ConcurrentLinkedQueue<>();

    private final ConcurrentLinkedQueue<DoubaoError> getFailures = new ConcurrentLinkedQueue<>();

    private final ScheduledExecutorService callbacks = Executors
        .newSingleThreadScheduledExecutor(Thread.ofVirtual().name("doubao-sim-callback").factory());

    private final CallbackPoster poster = new CallbackPoster();

    private final List<String> deliveredCallbacks = new ArrayList<>();

    private final Supplier<String> filesBase;

    private volatile Duration responseDelay = Duration.ZERO;

    private long jobsCreated;

    private long jobsCancelled;

    DoubaoAccount(DoubaoSimulator.Config config, JsonMapper json, Supplier<String> filesBase) {
        this.config = config;
        this.json = json;
        this.filesBase = filesBase;
    }

    ObjectNode create(String rawBody) {
        synchronized (this) {
            createBodies.add(rawBody);
        }
        DoubaoError armed = createFailures.poll();
        if (armed != null) {
            throw armed.answer();
        }
        JsonNode body = json.readTree(rawBody);
        String model = body.path("model").asString("");
        if (!MODELS.contains(model) && !model.startsWith("ep-")) {
            throw new DoubaoError(404, "InvalidEndpointOrModel.NotFound",
                    "The model or endpoint " + model + " does not exist or you do not have access to it.", "NotFound")
                .answer();
        }
        JsonNode content = body.path("content");
        if (!content.isArray() || content.isEmpty()) {
            throw new DoubaoError(400, "MissingParameter", "The parameter content is missing.", "BadRequest").answer();
        }
        String text = "";
        for (JsonNode item : content) {
            if ("text".equals(item.path("type").asString(""))) {
                text = item.path("text").asString("");
            }
        }
        rejectByMarker(text);
        DoubaoTask task = admit(model, text, body);
        ObjectNode answer = json.createObjectNode();
        answer.put("id", task.id());
        return answer;
    }

    private static void rejectByMarker(String text) {
        if (text.contains("[sim:server-error]")) {
            throw DoubaoError.internal().answer();
        }
        if (text.contains("[sim:no-credits]")) {
            throw DoubaoError.accountOverdue().answer();
        }
        if (text.contains("[sim:reject-content]")) {
            throw DoubaoError.inputTextSensitive().answer();
        }
    }

    private synchronized DoubaoTask admit(String model, String text, JsonNode body) {
        Instant now = config.clock().instant();
        if (text.contains("[sim:busy]") && busyAnswered.add(text)) {
            throw DoubaoError.rateLimited().answer();
        }
        if (tasks.values().stream().filter(t -> t.inFlight(now)).count() >= config.concurrencyLimit()) {
            throw DoubaoError.rateLimited().answer();
        }
        String id = "cgt-" + ID_TIME.format(now) + "-" + UUID.randomUUID().toString().substring(0, 5);
        String callbackUrl = body.hasNonNull("callback_url") ? body.get("callback_url").asString() : null;
        DoubaoTask task = new DoubaoTask(id, model, now, config.queuedFor(), config.runningFor(),
                text.contains("[sim:content-policy]") ? "OutputVideoSensitiveContentDetected" : null,
                text.contains("[sim:expired]"), body.path("return_last_frame").asBoolean(false), callbackUrl);
        tasks.put(id, task);
        jobsCreated++;
        if (callbackUrl != null) {
            scheduleCallback(task, task.queuedFor().plusMillis(1));
            scheduleCallback(task, task.queuedFor().plus(task.runningFor()).plusMillis(1));
        }
        return task;
    }

    /**
     * Ark POSTs the task object to {@code callback_url} when the task changes
     * [secondary]; best effort, no retries.
     */
    private void scheduleCallback(DoubaoTask task, Duration after) {
        callbacks.schedule(() -> {
            try {
                ObjectNode node = json.createObjectNode();
                task.render(node, config.clock().instant(), filesBase.get());
                HttpResponse<byte[]> response = poster.post(
                        java.util.Objects.requireNonNull(task.callbackUrl(),
                                "only tasks with a callback_url call back"),
                        json.writeValueAsBytes(node), Duration.ofSeconds(5));
                synchronized (this) {
                    deliveredCallbacks
                        .add(task.id() + ":" + node.get("status").asString() + ":" + response.statusCode());
                }
            }
            catch (Exception e) {
                log.debug("doubao simulator callback failed taskId={}", task.id(), e);
            }
        }, after.toMillis(), TimeUnit.MILLISECONDS);
    }

    ObjectNode get(String id) {
        DoubaoError armed = getFailures.poll();
        if (armed != null) {
            throw armed.answer();
        }
        DoubaoTask task = find(id);
        ObjectNode node = json.createObjectNode();
        task.render(node, config.clock().instant(), filesBase.get());
        return node;
    }

    /**
     * Cancels a queued task, or deletes the record of a finished one; a running task
     * cannot be cancelled.
     */
    synchronized void delete(String id) {
        DoubaoTask task = find(id);
        String status = task.status(config.clock().instant());
        if (DoubaoTask.QUEUED.equals(status)) {
            task.forceStatus(DoubaoTask.CANCELLED);
            jobsCancelled++;
        }
        else if (DoubaoTask.RUNNING.equals(status)) {
            throw DoubaoError.invalidParameter("A running task cannot be cancelled.").answer();
        }
        else {
            tasks.remove(id);
        }
    }

    private synchronized DoubaoTask find(String id) {
        DoubaoTask task = tasks.get(id);
        if (task == null) {
            throw new DoubaoError(404, "ResourceNotFound", "The specified task " + id + " is not found.", "NotFound")
                .answer();
        }
        return task;
    }

    synchronized boolean hasResult(String id) {
        DoubaoTask task = tasks.get(id);
        return task != null && task.succeeded(config.clock().instant());
    }

    void failNextCreate(DoubaoError error) {
        createFailures.add(error);
    }

    void failNextGet(DoubaoError error) {
        getFailures.add(error);
    }

    synchronized void forceStatus(String id, String raw) {
        find(id).forceStatus(raw);
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

    synchronized List<String> createBodies() {
        return List.copyOf(createBodies);
    }

    synchronized List<String> deliveredCallbacks() {
        return List.copyOf(deliveredCallbacks);
    }

    @Override
    public void close() {
        callbacks.shutdownNow();
        poster.close();
    }

}
