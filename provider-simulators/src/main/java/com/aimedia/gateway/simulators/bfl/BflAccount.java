package com.aimedia.gateway.simulators.bfl;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.simulators.support.Pause;

import tools.jackson.databind.JsonNode;

/**
 * The simulated BFL account: request validation, prompt markers, its tasks, the
 * concurrency limit and test knobs.
 */
final class BflAccount {

    /** The model paths of docs/providers/bfl.md ({@code POST /v1/<model>}). */
    static final Set<String> MODELS = Set.of("flux-pro-1.1", "flux-pro-1.1-ultra", "flux-dev", "flux-pro-1.0-fill",
            "flux-pro-1.0-expand", "flux-kontext-pro", "flux-kontext-max", "flux-2-pro", "flux-2-max", "flux-2-flex",
            "flux-2-klein-4b", "flux-2-klein-9b");

    private static final Set<String> FORMATS = Set.of("jpeg", "png", "webp");

    private final BflSimulator.Config config;

    private final Map<String, BflTask> tasks = new LinkedHashMap<>();

    private final Map<String, String> forcedStatus = new ConcurrentHashMap<>();

    private final List<BflSimulator.RecordedRequest> requests = new ArrayList<>();

    private final ConcurrentLinkedQueue<BflError> submitFailures = new ConcurrentLinkedQueue<>();

    private final ConcurrentLinkedQueue<String> pollBodies = new ConcurrentLinkedQueue<>();

    private final ConcurrentLinkedQueue<BflError> pollFailures = new ConcurrentLinkedQueue<>();

    private volatile Duration responseDelay = Duration.ZERO;

    private long jobsCreated;

    BflAccount(BflSimulator.Config config) {
        this.config = config;
    }

    synchronized void record(BflSimulator.RecordedRequest request) {
        requests.add(request);
    }

    /** Validates a create body, applies markers and limits, and stores the task. */
    BflTask create(String model, JsonNode body, boolean regional) {
        BflError armed = submitFailures.poll();
        if (armed != null) {
            throw armed.answer();
        }
        validate(model, body);
        String prompt = body.path("prompt").isString() ? body.path("prompt").stringValue() : "";
        rejectByMarker(prompt);
        return admit(model, body, prompt, regional);
    }

    private synchronized BflTask admit(String model, JsonNode body, String prompt, boolean regional) {
        Instant now = config.clock().instant();
        long inFlight = tasks.values().stream().filter(task -> task.inFlight(now)).count();
        if (prompt.contains("[sim:busy]") || inFlight >= config.concurrencyLimit()) {
            throw BflError.tooManyActiveTasks(null).answer();
        }
        String format = body.path("output_format").isString() ? body.path("output_format").stringValue()
                : model.startsWith("flux-kontext") ? "png" : "jpeg";
        long seed = body.path("seed").isIntegralNumber() ? body.path("seed").asLong()
                : ThreadLocalRandom.current().nextLong(1, 1L << 32);
        String webhookUrl = text(body, "webhook_url");
        BflTask task = new BflTask(UUID.randomUUID().toString(), model, prompt, seed, format, now,
                config.queuedFor().plus(config.runningFor()), finalStatus(prompt), regional && webhookUrl == null,
                webhookUrl, text(body, "webhook_secret"));
        tasks.put(task.id(), task);
        jobsCreated++;
        return task;
    }

    private static String finalStatus(String prompt) {
        if (prompt.contains("[sim:content-policy]")) {
            return BflTask.CONTENT_MODERATED;
        }
        if (prompt.contains("[sim:request-moderated]")) {
            return BflTask.REQUEST_MODERATED;
        }
        if (prompt.contains("[sim:task-error]")) {
            return BflTask.ERROR;
        }
        return BflTask.READY;
    }

    private static void rejectByMarker(String prompt) {
        if (prompt.contains("[sim:server-error]")) {
            throw BflError.serverError().answer();
        }
        if (prompt.contains("[sim:no-credits]")) {
            throw BflError.insufficientCredits().answer();
        }
    }

    private static void validate(String model, JsonNode body) {
        boolean needsImage = model.equals("flux-pro-1.0-fill") || model.equals("flux-pro-1.0-expand");
        boolean needsPrompt = model.startsWith("flux-kontext") || model.startsWith("flux-2");
        if (needsImage && text(body, "image") == null) {
            throw BflError.invalid("image", "Field required").answer();
        }
        if (needsPrompt && text(body, "prompt") == null) {
            throw BflError.invalid("prompt", "Field required").answer();
        }
        if (!needsImage && !needsPrompt && text(body, "prompt") == null && text(body, "image_prompt") == null) {
            throw BflError.invalid("prompt", "Either prompt or image_prompt is required").answer();
        }
        for (String field : List.of("width", "height")) {
            JsonNode size = body.get(field);
            if (size != null && (!size.isIntegralNumber() || size.asInt() < 256 || size.asInt() > 1440
                    || size.asInt() % 32 != 0)) {
                throw BflError.invalid(field, "Input should be a multiple of 32 between 256 and 1440").answer();
            }
        }
        JsonNode tolerance = body.get("safety_tolerance");
        if (tolerance != null && (!tolerance.isIntegralNumber() || tolerance.asInt() < 0 || tolerance.asInt() > 6)) {
            throw BflError.invalid("safety_tolerance", "Input should be between 0 and 6").answer();
        }
        JsonNode format = body.get("output_format");
        if (format != null && (!format.isString() || !FORMATS.contains(format.stringValue()))) {
            throw BflError.invalid("output_format", "Input should be 'jpeg', 'png' or 'webp'").answer();
        }
    }

    /**
     * The task as the given host sees it: a regional task is unknown to the global host.
     */
    Optional<BflTask> find(String id, boolean askedRegionalHost) {
        BflError armed = pollFailures.poll();
        if (armed != null) {
            throw armed.answer();
        }
        BflTask task;
        synchronized (this) {
            task = tasks.get(id);
        }
        return task == null || task.regional() != askedRegionalHost ? Optional.empty() : Optional.of(task);
    }

    synchronized Optional<BflTask> task(String id) {
        return Optional.ofNullable(tasks.get(id));
    }

    @Nullable String forcedStatus(String id) {
        return forcedStatus.get(id);
    }

    @Nullable String armedPollBody() {
        return pollBodies.poll();
    }

    void failNextSubmit(BflError error) {
        submitFailures.add(error);
    }

    void failNextPoll(BflError error) {
        pollFailures.add(error);
    }

    void answerNextPoll(String rawBody) {
        pollBodies.add(rawBody);
    }

    void forceStatus(String id, String rawStatus) {
        forcedStatus.put(id, rawStatus);
    }

    void delayResponses(Duration delay) {
        this.responseDelay = delay;
    }

    void sleepConfiguredDelay() {
        Pause.sleep(responseDelay);
    }

    synchronized List<BflSimulator.RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    synchronized long jobsCreated() {
        return jobsCreated;
    }

    synchronized int createdTaskCount() {
        return tasks.size();
    }

    private static @Nullable String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        return node != null && node.isString() && !node.stringValue().isBlank() ? node.stringValue() : null;
    }

}
