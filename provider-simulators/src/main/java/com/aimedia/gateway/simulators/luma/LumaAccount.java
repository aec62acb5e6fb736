package com.aimedia.gateway.simulators.luma;

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
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulated Luma account: its generations, concurrency limits, prompt markers and
 * test knobs.
 */
final class LumaAccount {

    static final String MODERATION_FAILED = "Advanced prompt moderation failed";
    static final String JOB_FAILED = "Job failed";
    static final String FRAMES_UNREADABLE = "Failed to read user input frames";

    private final LumaSimulator.Config config;

    private final Supplier<String> filesBase;

    private final LumaCallbacks callbacks;

    private final JsonMapper json;

    private final Map<String, LumaGeneration> generations = new LinkedHashMap<>();

    private final Set<String> busyAnswered = new HashSet<>();

    private final List<LumaSimulator.RecordedCreate> creates = new ArrayList<>();

    private final ConcurrentLinkedQueue<LumaError> createFailures = new ConcurrentLinkedQueue<>();

    private final ConcurrentLinkedQueue<LumaError> getFailures = new ConcurrentLinkedQueue<>();

    private final ConcurrentLinkedQueue<String> failedInsideOk = new ConcurrentLinkedQueue<>();

    private long jobsCreated;

    private long jobsCancelled;

    LumaAccount(LumaSimulator.Config config, Supplier<String> filesBase, LumaCallbacks callbacks, JsonMapper json) {
        this.config = config;
        this.filesBase = filesBase;
        this.callbacks = callbacks;
        this.json = json;
    }

    ObjectNode create(String type, String path, String rawBody) {
        synchronized (this) {
            creates.add(new LumaSimulator.RecordedCreate(path, rawBody));
        }
        LumaError armed = createFailures.poll();
        if (armed != null) {
            throw armed.answer();
        }
        JsonNode body = json.readTree(rawBody);
        LumaRequestValidator.validate(type, body);
        String prompt = LumaRequestValidator.optionalString(body, "prompt");
        rejectByMarker(prompt == null ? "" : prompt);
        LumaGeneration generation = admit(type, prompt == null ? "" : prompt, body);
        scheduleCallbacks(generation);
        return generation.render(json.createObjectNode(), config.clock().instant(), filesBase.get(), null);
    }

    private static void rejectByMarker(String prompt) {
        if (prompt.contains("[sim:server-error]")) {
            throw LumaError.serverError().answer();
        }
        if (prompt.contains("[sim:no-credits]")) {
            throw LumaError.insufficientCredits().answer();
        }
    }

    private synchronized LumaGeneration admit(String type, String prompt, JsonNode body) {
        if (prompt.contains("[sim:busy]") && busyAnswered.add(prompt)) {
            throw LumaError.rateLimited().answer();
        }
        Instant now = config.clock().instant();
        boolean image = "image".equals(type);
        long inFlight = generations.values().stream().filter(g -> g.isImage() == image && g.inFlight(now)).count();
        if (inFlight >= (image ? config.imageConcurrency() : config.videoConcurrency())) {
            throw LumaError.rateLimited().answer();
        }
        boolean sync = image && body.path("sync").asBoolean(false);
        int factor = prompt.contains("[sim:slow]") ? config.slowFactor() : 1;
        Duration queued = sync ? Duration.ZERO : config.queuedFor().multipliedBy(factor);
        Duration dreaming = sync ? Duration.ZERO : config.dreamingFor().multipliedBy(factor);
        String extension = image
                ? Optional.ofNullable(LumaRequestValidator.optionalString(body, "format")).orElse("jpg") : "mp4";
        JsonNode callback = body.get("callback_url");
        LumaGeneration generation = new LumaGeneration(UUID.randomUUID().toString(), type,
                body.path("model").asString(), now, queued, dreaming, failureFor(prompt), extension, body,
                callback != null && callback.isString() ? callback.stringValue() : null);
        generations.put(generation.id(), generation);
        jobsCreated++;
        return generation;
    }

    private static @Nullable String failureFor(String prompt) {
        if (prompt.contains("[sim:content-policy]")) {
            return MODERATION_FAILED;
        }
        if (prompt.contains("[sim:job-failed]")) {
            return JOB_FAILED;
        }
        return prompt.contains("[sim:bad-frames]") ? FRAMES_UNREADABLE : null;
    }

    /**
     * One callback when dreaming starts and one when the generation ends, each rendering
     * that state.
     */
    private void scheduleCallbacks(LumaGeneration generation) {
        String url = generation.callbackUrl();
        if (url == null) {
            return;
        }
        if (!generation.queuedFor().isZero()) {
            callbacks.schedule(url, generation.queuedFor(), () -> renderAt(generation, generation.queuedFor()));
        }
        callbacks.schedule(url, generation.finishesAfter(), () -> renderAt(generation, generation.finishesAfter()));
    }

    private byte[] renderAt(LumaGeneration generation, Duration sinceCreation) {
        Instant at = generation.createdAt().plus(sinceCreation);
        return json.writeValueAsBytes(generation.render(json.createObjectNode(), at, filesBase.get(), null));
    }

    ObjectNode get(String id) {
        LumaError armed = getFailures.poll();
        if (armed != null) {
            throw armed.answer();
        }
        LumaGeneration generation;
        synchronized (this) {
            generation = generations.get(id);
        }
        if (generation == null) {
            throw LumaError.notFound().answer();
        }
        return generation.render(json.createObjectNode(), config.clock().instant(), filesBase.get(),
                failedInsideOk.poll());
    }

    synchronized @Nullable LumaGeneration completedFile(String id) {
        LumaGeneration generation = generations.get(id);
        return generation != null && generation.completed(config.clock().instant()) ? generation : null;
    }

    void failNextCreate(LumaError error) {
        createFailures.add(error);
    }

    void failNextGet(LumaError error) {
        getFailures.add(error);
    }

    void answerNextGetFailed(String failureReason) {
        failedInsideOk.add(failureReason);
    }

    synchronized void forceState(String id, String raw) {
        LumaGeneration generation = generations.get(id);
        if (generation == null) {
            throw new IllegalArgumentException("no simulated generation " + id);
        }
        generation.forceState(raw);
    }

    /**
     * {@code DELETE /generations/{id}}: removes the generation; one still queued or
     * dreaming stops there.
     */
    synchronized void delete(String id) {
        LumaGeneration generation = generations.remove(id);
        if (generation == null) {
            throw LumaError.notFound().answer();
        }
        if (generation.inFlight(config.clock().instant())) {
            jobsCancelled++;
        }
    }

    synchronized long jobsCancelled() {
        return jobsCancelled;
    }

    synchronized long jobsCreated() {
        return jobsCreated;
    }

    synchronized int generationCount() {
        return generations.size();
    }

    synchronized List<LumaSimulator.RecordedCreate> creates() {
        return List.copyOf(creates);
    }

}
