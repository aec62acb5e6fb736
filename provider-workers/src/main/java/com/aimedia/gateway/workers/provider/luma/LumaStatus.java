package com.aimedia.gateway.workers.provider.luma;

import java.net.URI;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.workers.provider.spi.ErrorCode;
import com.aimedia.gateway.workers.provider.spi.PollResult;

/**
 * Every documented Luma generation {@code state}, each mapped to a {@link PollResult}.
 */
enum LumaStatus {

    QUEUED("queued"), DREAMING("dreaming"), COMPLETED("completed"), FAILED("failed");

    private final String wireValue;

    LumaStatus(String wireValue) {
        this.wireValue = wireValue;
    }

    /** Whether Luma still works on the generation, so deleting it stops it. */
    boolean isInFlight() {
        return this == QUEUED || this == DREAMING;
    }

    static Optional<LumaStatus> fromWire(@Nullable String raw) {
        for (LumaStatus state : values()) {
            if (state.wireValue.equals(raw)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }

    PollResult toPollResult(@Nullable URI asset, @Nullable String failureReason) {
        return switch (this) {
            case QUEUED -> PollResult.Pending.inQueue();
            case DREAMING -> PollResult.Pending.inProgress();
            case COMPLETED -> asset == null
                    ? new PollResult.Failed(ErrorCode.PROVIDER_ERROR,
                            "The provider reported completion without a result file.")
                    : PollResult.Succeeded.urls(java.util.List.of(asset));
            case FAILED -> LumaErrorClassifier.failure(failureReason);
        };
    }

}
