package com.aimedia.gateway.simulators.veo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The simulated project: its operations, request validation, markers and knobs. */
final class VeoAccount {

    private static final Set<String> VERTEX_ONLY_PARAMETERS = Set.of("seed", "generateAudio", "storageUri", "fps",
            "pubsubTopic", "compressionQuality");

    private final VeoSimulator.Config config;

    private final Map<String, VeoOperation> operations = new LinkedHashMap<>();

    private final Map<String, VeoOperation> byFileId = new LinkedHashMap<>();

    private final Set<String> busyAnswered = new HashSet<>();

    private final List<String> submitRequests = new ArrayList<>();

    final ConcurrentLinkedQueue<VeoError> submitFailures = new ConcurrentLinkedQueue<>();

    final ConcurrentLinkedQueue<VeoError> getFailures = new ConcurrentLinkedQueue<>();

    private long jobsCreated;

    VeoAccount(VeoSimulator.Config config) {
        this.config = config;
    }

    JsonNode submit(String modelResource, boolean vertex, JsonNode body, JsonMapper json) {
        synchronized (this) {
            submitRequests.add(json.writeValueAsString(body));
        }
        fail(submitFailures);
        JsonNode instance = body.path("instances").path(0);
        JsonNode parameters = body.path("parameters");
        if (!body.path("instances").isArray() || body.path("instances").size() != 1 || !instance.isObject()) {
            throw VeoError.invalidArgument("instances must hold exactly one instance.").answer();
        }
        if (instance.path("prompt").asString("").isBlank() && !instance.has("image")) {
            throw VeoError.invalidArgument("A prompt or an image is required.").answer();
        }
        for (String name : VERTEX_ONLY_PARAMETERS) {
            if (!vertex && parameters.has(name)) {
                throw VeoError.invalidArgument(name + " parameter is not supported in Gemini API.").answer();
            }
        }
        int duration = parameters.path("durationSeconds").asInt(8);
        if (duration < 4 || duration > 8) {
            throw VeoError.invalidArgument("durationSeconds must be between 4 and 8.").answer();
        }
        String prompt = instance.path("prompt").asString("");
        if (prompt.contains("[sim:server-error]")) {
            throw VeoError.internal().answer();
        }
        if (prompt.contains("[sim:no-credits]")) {
            throw VeoError.billingDisabled().answer();
        }
        return admit(modelResource, vertex, prompt, parameters.path("sampleCount").asInt(1), json);
    }

    private synchronized JsonNode admit(String modelResource, boolean vertex, String prompt, int samples,
            JsonMapper json) {
        if (prompt.contains("[sim:busy]") && busyAnswered.add(prompt)) {
            throw VeoError.resourceExhausted(null).answer();
        }
        Instant now = config.clock().instant();
        VeoOperation.Outcome outcome = prompt.contains("[sim:content-policy]") ? VeoOperation.Outcome.FILTERED
                : prompt.contains("[sim:op-error]") ? VeoOperation.Outcome.ERROR : VeoOperation.Outcome.SAMPLES;
        String name = modelResource + "/operations/" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        VeoOperation operation = new VeoOperation(name, vertex, UUID.randomUUID().toString().replace("-", ""),
                Math.max(1, Math.min(4, samples)), VeoOperation.doneAt(now, config.queuedFor(), config.runningFor()),
                outcome);
        operations.put(name, operation);
        jobsCreated++;
        byFileId.put(operation.fileId, operation);
        ObjectNode answer = json.createObjectNode();
        answer.put("name", name);
        return answer;
    }

    JsonNode get(String name, JsonMapper json, String filesBase) {
        fail(getFailures);
        VeoOperation operation;
        synchronized (this) {
            operation = operations.get(name);
        }
        if (operation == null) {
            throw VeoError.notFound("Operation " + name + " not found.").answer();
        }
        ObjectNode answer = json.createObjectNode();
        operation.render(answer, config.clock().instant(), filesBase);
        return answer;
    }

    synchronized boolean hasFile(String fileId) {
        VeoOperation operation = byFileId.get(fileId);
        return operation != null && operation.outcome == VeoOperation.Outcome.SAMPLES
                && operation.done(config.clock().instant());
    }

    synchronized void forceDone(String name, String raw) {
        VeoOperation operation = operations.get(name);
        if (operation == null) {
            throw new IllegalArgumentException("no simulated operation " + name);
        }
        operation.forcedDone = raw;
    }

    synchronized long jobsCreated() {
        return jobsCreated;
    }

    synchronized List<String> submitRequests() {
        return List.copyOf(submitRequests);
    }

    private static void fail(ConcurrentLinkedQueue<VeoError> armed) {
        VeoError error = armed.poll();
        if (error != null) {
            throw error.answer();
        }
    }

}
