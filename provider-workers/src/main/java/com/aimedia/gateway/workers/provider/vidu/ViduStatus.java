package com.aimedia.gateway.workers.provider.vidu;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.workers.provider.spi.ErrorCode;
import com.aimedia.gateway.workers.provider.spi.PollResult;

/** Every documented Vidu task {@code state}, each mapped to a {@link PollResult}. */
enum ViduStatus {

    CREATED("created"),
    /**
     * Accepted over the organisation's concurrency limit: waits for a slot, not a
     * failure.
     */
    QUEUEING("queueing"), PROCESSING("processing"), SUCCESS("success"), FAILED("failed");

    private final String wireValue;

    ViduStatus(String wireValue) {
        this.wireValue = wireValue;
    }

    static Optional<ViduStatus> fromWire(@Nullable String raw) {
        for (ViduStatus state : values()) {
            if (state.wireValue.equals(raw)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }

    PollResult toPollResult(List<URI> videoUrls, @Nullable String errCode) {
        return switch (this) {
            case CREATED, QUEUEING -> PollResult.Pending.inQueue();
            case PROCESSING -> PollResult.Pending.inProgress();
            case SUCCESS -> videoUrls.isEmpty()
                    ? new PollResult.Failed(ErrorCode.PROVIDER_ERROR,
                            "The provider reported success without a result video.")
                    : PollResult.Succeeded.urls(videoUrls);
            case FAILED -> ViduErrorClassifier.taskFailure(errCode);
        };
    }

}
