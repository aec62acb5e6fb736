package com.aimedia.gateway.workers.provider.doubao;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.workers.provider.spi.ErrorCode;
import com.aimedia.gateway.workers.provider.spi.PollResult;

/**
 * Every Ark task {@code status} (docs/providers/doubao.md):
 * {@code queued, running, cancelled, succeeded, failed} from the official SDK docstring,
 * {@code expired} from the BytePlus docs [secondary].
 */
enum DoubaoStatus {

    QUEUED("queued"), RUNNING("running"), SUCCEEDED("succeeded"), FAILED("failed"), CANCELLED("cancelled"),
    EXPIRED("expired");

    private final String wireValue;

    DoubaoStatus(String wireValue) {
        this.wireValue = wireValue;
    }

    static Optional<DoubaoStatus> fromWire(@Nullable String raw) {
        for (DoubaoStatus status : values()) {
            if (status.wireValue.equals(raw)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    PollResult toPollResult(List<URI> outputs, DoubaoApi.@Nullable Error error) {
        return switch (this) {
            case QUEUED -> PollResult.Pending.inQueue();
            case RUNNING -> PollResult.Pending.inProgress();
            case SUCCEEDED -> outputs.isEmpty()
                    ? new PollResult.Failed(ErrorCode.PROVIDER_ERROR, "The provider reported success without a video.")
                    : PollResult.Succeeded.urls(outputs);
            case FAILED -> DoubaoErrorClassifier.taskFailure(error);
            case CANCELLED ->
                new PollResult.Failed(ErrorCode.PROVIDER_ERROR, "The task was cancelled at the provider.");
            case EXPIRED -> new PollResult.Failed(ErrorCode.PROVIDER_TIMEOUT,
                    "The task expired at the provider before it ran (execution_expires_after passed).");
        };
    }

}
