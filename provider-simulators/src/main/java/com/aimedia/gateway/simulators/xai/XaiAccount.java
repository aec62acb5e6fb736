package com.aimedia.gateway.simulators.xai;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.simulators.support.Pause;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulated xAI team: request checks, prompt markers, generated images and videos,
 * test knobs.
 */
final class XaiAccount {

    static final Set<String> IMAGE_MODELS = Set.of("grok-2-image", "grok-2-image-1212", "grok-imagine-image",
            "grok-imagine-image-quality");
    static final Set<String> VIDEO_MODELS = Set.of("grok-imagine-video");

    private static final Set<String> UNSUPPORTED_IMAGE_ARGS = Set.of("quality", "size", "style");

    private static final Set<String> RATIOS = Set.of("1:1", "16:9", "9:16", "4:3", "3:4", "3:2", "2:3");

    private final XaiSimulator.Config config;

    private final Set<String> images = ConcurrentHashMap.newKeySet();

    private final Map<String, XaiVideo> videos = new ConcurrentHashMap<>();

    private final List<XaiSimulator.RecordedRequest> requests = new ArrayList<>();

    private final ConcurrentLinkedQueue<XaiError> submitFailures = new ConcurrentLinkedQueue<>();

    private final ConcurrentLinkedQueue<XaiError> pollFailures = new ConcurrentLinkedQueue<>();

    private final ConcurrentLinkedQueue<String> pollBodies = new ConcurrentLinkedQueue<>();

    private final AtomicLong jobsCreated = new AtomicLong();

    private volatile Duration responseDelay = Duration.ZERO;

    XaiAccount(XaiSimulator.Config config) {
        this.config = config;
    }

    synchronized void record(XaiSimulator.RecordedRequest request) {
        requests.add(request);
    }

    /**
     * {@code POST /v1/images/generations}: synchronous; answers the OpenAI-compatible
     * {@code data} list.
     */
    ObjectNode generateImages(JsonNode body, JsonMapper json, String filesBase) {
        String prompt = common(body, IMAGE_MODELS);
        for (String unsupported : UNSUPPORTED_IMAGE_ARGS) {
            if (body.has(unsupported)) {
                throw XaiError.invalidArgument("Argument not supported: " + unsupported).answer();
            }
        }
        int n = body.has("n") ? body.path("n").asInt(-1) : 1;
        if (n < 1 || n > 10) {
            throw XaiError.invalidArgument("n must be between 1 and 10").answer();
        }
        String format = body.path("response_format").asString("url");
        if (!format.equals("url") && !format.equals("b64_json")) {
            throw XaiError.invalidArgument("response_format must be url or b64_json").answer();
        }
        // one generation per accepted request, however many images: a moderated one was
        // generated too
        jobsCreated.incrementAndGet();
        ObjectNode answer = json.createObjectNode();
        if (prompt.contains("[sim:content-policy]")) {
            // failure inside an HTTP 200, as xAI reports it
            answer.put("status", "failed");
            answer.putObject("error")
                .put("code", "content_moderation")
                .put("message", "Generated image rejected by content moderation.");
            return answer;
        }
        ArrayNode data = answer.putArray("data");
        for (int i = 0; i < n; i++) {
            String id = UUID.randomUUID().toString();
            images.add(id);
            ObjectNode item = data.addObject();
            if (format.equals("url")) {
                item.put("url", filesBase + "/images/" + id + ".jpg");
            }
            else {
                item.put("b64_json", java.util.Base64.getEncoder().encodeToString(XaiSimulator.jpeg()));
            }
            item.put("revised_prompt", "A detailed rendering of: " + prompt);
        }
        return answer;
    }

    /**
     * {@code POST /v1/videos/generations}: asynchronous; answers {@code {"request_id":
     * ...}}.
     */
    XaiVideo createVideo(JsonNode body) {
        String prompt = common(body, VIDEO_MODELS);
        JsonNode duration = body.get("duration");
        if (duration != null && (!duration.isIntegralNumber() || duration.asInt() < 1 || duration.asInt() > 15)) {
            throw XaiError.invalidArgument("duration must be between 1 and 15").answer();
        }
        JsonNode ratio = body.get("aspect_ratio");
        if (ratio != null && !RATIOS.contains(ratio.asString(""))) {
            throw XaiError.invalidArgument("Unsupported aspect_ratio").answer();
        }
        JsonNode resolution = body.get("resolution");
        if (resolution != null && !Set.of("480p", "720p").contains(resolution.asString(""))) {
            throw XaiError.invalidArgument("resolution must be 480p or 720p").answer();
        }
        String finalStatus = prompt.contains("[sim:task-error]") ? XaiVideo.FAILED
                : prompt.contains("[sim:expired]") ? XaiVideo.EXPIRED : XaiVideo.DONE;
        XaiVideo video = new XaiVideo(UUID.randomUUID().toString(), config.clock().instant(), config.queuedFor(),
                config.runningFor(), finalStatus, !prompt.contains("[sim:content-policy]"),
                duration == null ? 6 : duration.asInt());
        videos.put(video.requestId, video);
        jobsCreated.incrementAndGet();
        return video;
    }

    private String common(JsonNode body, Set<String> models) {
        XaiError armed = submitFailures.poll();
        if (armed != null) {
            throw armed.answer();
        }
        String model = body.path("model").asString("");
        if (!models.contains(model)) {
            throw new XaiError(404, "Some requested entity was not found",
                    "The model " + model + " does not exist or your team does not have access to it.")
                .answer();
        }
        String prompt = body.path("prompt").asString("");
        if (prompt.isBlank()) {
            throw XaiError.invalidArgument("prompt is required").answer();
        }
        if (prompt.contains("[sim:server-error]")) {
            throw XaiError.serverError().answer();
        }
        if (prompt.contains("[sim:no-credits]")) {
            throw XaiError.noCredits().answer();
        }
        if (prompt.contains("[sim:busy]")) {
            throw XaiError.rateLimited(null).answer();
        }
        return prompt;
    }

    Optional<XaiVideo> video(String requestId) {
        XaiError armed = pollFailures.poll();
        if (armed != null) {
            throw armed.answer();
        }
        return Optional.ofNullable(videos.get(requestId));
    }

    boolean hasImage(String id) {
        return images.contains(id);
    }

    boolean hasVideo(String id) {
        XaiVideo video = videos.get(id);
        return video != null && video.available(config.clock().instant());
    }

    @Nullable String armedPollBody() {
        return pollBodies.poll();
    }

    void forceStatus(String requestId, String raw) {
        XaiVideo video = videos.get(requestId);
        if (video == null) {
            throw new IllegalArgumentException("no video " + requestId);
        }
        video.force(raw);
    }

    void failNextSubmit(XaiError error) {
        submitFailures.add(error);
    }

    void failNextPoll(XaiError error) {
        pollFailures.add(error);
    }

    void answerNextPoll(String raw) {
        pollBodies.add(raw);
    }

    void delayResponses(Duration delay) {
        responseDelay = delay;
    }

    void sleepConfiguredDelay() {
        Pause.sleep(responseDelay);
    }

    long jobsCreated() {
        return jobsCreated.get();
    }

    synchronized List<XaiSimulator.RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    Instant now() {
        return config.clock().instant();
    }

}
