package com.aimedia.gateway.workers.provider.replicate;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.workers.provider.spi.ErrorCode;
import com.aimedia.gateway.workers.provider.spi.PollResult;
import com.aimedia.gateway.workers.provider.spi.ProviderOutput;

/**
 * Every documented prediction {@code status}, each mapped to a {@link PollResult}
 * (docs/providers/replicate.md).
 */
enum ReplicateStatus {

    /** Booting a model or waiting for hardware. */
    STARTING("starting"), PROCESSING("processing"), SUCCEEDED("succeeded"), FAILED("failed"), CANCELED("canceled"),
    /** The {@code Cancel-After} deadline passed before it started. */
    ABORTED("aborted");

    private static final int MAX_MESSAGE = 300;

    private final String wireValue;

    ReplicateStatus(String wireValue) {
        this.wireValue = wireValue;
    }

    static Optional<ReplicateStatus> fromWire(@Nullable String raw) {
        for (ReplicateStatus status : values()) {
            if (status.wireValue.equals(raw)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    boolean terminal() {
        return this != STARTING && this != PROCESSING;
    }

    PollResult toPollResult(ReplicateApi.Prediction prediction) {
        return switch (this) {
            case STARTING -> PollResult.Pending.inQueue();
            case PROCESSING -> PollResult.Pending.inProgress();
            case SUCCEEDED -> succeeded(prediction);
            case FAILED -> failed(prediction.error());
            case CANCELED ->
                new PollResult.Failed(ErrorCode.PROVIDER_ERROR, "The prediction was canceled at the provider.");
            case ABORTED -> new PollResult.Failed(ErrorCode.PROVIDER_TIMEOUT,
                    "The prediction was aborted: its deadline passed before it started.");
        };
    }

    private static PollResult succeeded(ReplicateApi.Prediction prediction) {
        if (Boolean.TRUE.equals(prediction.dataRemoved())) {
            return new PollResult.Failed(ErrorCode.NOT_FOUND,
                    "The provider already deleted the outputs (Replicate keeps API outputs for 1 hour).");
        }
        List<ProviderOutput> files = ReplicateOutputs.files(prediction.output());
        return files.isEmpty() ? new PollResult.Failed(ErrorCode.PROVIDER_ERROR,
                "The model finished without a downloadable file output.") : new PollResult.Succeeded(files);
    }

    static PollResult.Failed failed(@Nullable Object error) {
        String text = error == null ? "" : error instanceof tools.jackson.databind.JsonNode node
                ? (node.isString() ? node.stringValue() : node.isNull() ? "" : node.toString()) : error.toString();
        text = text.strip();
        if (text.length() > MAX_MESSAGE) {
            text = text.substring(0, MAX_MESSAGE) + "...";
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("nsfw") || lower.contains("safety") || lower.contains("sensitive")
                || lower.contains("flagged") || lower.contains("content policy") || lower.contains("moderation")) {
            return new PollResult.Failed(ErrorCode.CONTENT_POLICY,
                    "The model rejected the content under its content policy: " + text);
        }
        if (lower.contains("timed out") || lower.contains("timeout")) {
            return new PollResult.Failed(ErrorCode.PROVIDER_TIMEOUT, "The prediction timed out: " + text);
        }
        return new PollResult.Failed(ErrorCode.PROVIDER_ERROR,
                text.isEmpty() ? "The model failed without a reason." : "The model failed: " + text);
    }

}
