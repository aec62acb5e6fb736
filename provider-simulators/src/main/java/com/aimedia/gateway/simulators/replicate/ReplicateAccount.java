package com.aimedia.gateway.simulators.replicate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.simulators.support.Pause;

import tools.jackson.databind.JsonNode;

/**
 * The simulated Replicate account: request checks, prompt markers, predictions and test
 * knobs.
 */
final class ReplicateAccount {

    static final Pattern VERSION = Pattern.compile("(?:[a-z0-9][a-z0-9._-]*/[a-z0-9][a-z0-9._-]*:)?([0-9a-f]{64})");

    private static final Duration LONG_RUNNING = Duration.ofMinutes(30);

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final ReplicateSimulator.Config config;

    private final Map<String, Prediction> predictions = new LinkedHashMap<>();

    private final List<ReplicateSimulator.RecordedRequest> requests = new ArrayList<>();

    private final ConcurrentLinkedQueue<ReplicateError> createFailures = new ConcurrentLinkedQueue<>();

    private final ConcurrentLinkedQueue<ReplicateError> getFailures = new ConcurrentLinkedQueue<>();

    private final ConcurrentLinkedQueue<String> getBodies = new ConcurrentLinkedQueue<>();

    private volatile Duration responseDelay = Duration.ZERO;

    private long jobsCreated;

    private long jobsCancelled;

    ReplicateAccount(ReplicateSimulator.Config config) {
        this.config = config;
    }

    synchronized void record(ReplicateSimulator.RecordedRequest request) {
        requests.add(request);
    }

    /**
     * {@code model} is {@code owner/name}; {@code version} the version id for
     * {@code POST /predictions}, else null.
     */
    Prediction create(String model, @Nullable String version, JsonNode body) {
        ReplicateError armed = createFailures.poll();
        if (armed != null) {
            throw armed.answer();
        }
        JsonNode input = body.get("input");
        if (input == null || !input.isObject()) {
            throw new ReplicateError(422, "Input validation failed", "input: input is required and must be an object")
                .answer();
        }
        String prompt = input.path("prompt").isString() ? input.path("prompt").stringValue() : "";
        if (prompt.contains("[sim:server-error]")) {
            throw ReplicateError.serverError().answer();
        }
        if (prompt.contains("[sim:no-credits]")) {
            throw ReplicateError.insufficientCredit().answer();
        }
        if (prompt.contains("[sim:busy]")) {
            throw ReplicateError.throttled(null).answer();
        }
        if (model.startsWith("missing/")) {
            throw ReplicateError.notFound().answer();
        }
        String finalStatus = Prediction.SUCCEEDED;
        String error = null;
        if (prompt.contains("[sim:content-policy]")) {
            finalStatus = Prediction.FAILED;
            error = "NSFW content detected. Try running it again, or try a different prompt.";
        }
        else if (prompt.contains("[sim:model-error]")) {
            finalStatus = Prediction.FAILED;
            error = "CUDA out of memory. Tried to allocate 2.00 GiB";
        }
        else if (prompt.contains("[sim:aborted]")) {
            finalStatus = Prediction.ABORTED;
        }
        int outputs = input.path("num_outputs").isIntegralNumber()
                ? Math.max(1, Math.min(4, input.path("num_outputs").asInt())) : 1;
        JsonNode webhook = body.get("webhook");
        // long-running: stays processing long enough for a test to cancel it
        Duration runningFor = prompt.contains("[sim:long-running]") ? LONG_RUNNING : config.runningFor();
        Prediction prediction = new Prediction(newId(), model, version, input, config.clock().instant(),
                config.queuedFor(), runningFor, finalStatus, error, outputs, prompt.contains("[sim:output-string]"),
                webhook != null && webhook.isString() ? webhook.stringValue() : null);
        synchronized (this) {
            predictions.put(prediction.id, prediction);
            jobsCreated++;
        }
        return prediction;
    }

    Optional<Prediction> get(String id) {
        ReplicateError armed = getFailures.poll();
        if (armed != null) {
            throw armed.answer();
        }
        return find(id);
    }

    synchronized Optional<Prediction> find(String id) {
        return Optional.ofNullable(predictions.get(id));
    }

    @Nullable String armedGetBody() {
        return getBodies.poll();
    }

    private static String newId() {
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 26; i++) {
            id.append(ALPHABET.charAt(ThreadLocalRandom.current().nextInt(ALPHABET.length())));
        }
        return id.toString();
    }

    void failNextCreate(ReplicateError error) {
        createFailures.add(error);
    }

    void failNextGet(ReplicateError error) {
        getFailures.add(error);
    }

    void answerNextGet(String raw) {
        getBodies.add(raw);
    }

    void delayResponses(Duration delay) {
        responseDelay = delay;
    }

    void sleepConfiguredDelay() {
        Pause.sleep(responseDelay);
    }

    synchronized List<ReplicateSimulator.RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** {@code POST /v1/predictions/{id}/cancel}. */
    synchronized Optional<Prediction> cancel(String id) {
        Prediction prediction = predictions.get(id);
        if (prediction != null && prediction.cancel(now())) {
            jobsCancelled++;
        }
        return Optional.ofNullable(prediction);
    }

    synchronized long jobsCancelled() {
        return jobsCancelled;
    }

    synchronized long jobsCreated() {
        return jobsCreated;
    }

    synchronized int createdCount() {
        return predictions.size();
    }

    Instant now() {
        return config.clock().instant();
    }

}
