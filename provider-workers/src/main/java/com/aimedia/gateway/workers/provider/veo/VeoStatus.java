package com.aimedia.gateway.workers.provider.veo;

import java.util.List;

import com.aimedia.gateway.workers.provider.spi.ErrorCode;
import com.aimedia.gateway.workers.provider.spi.PollResult;
import com.aimedia.gateway.workers.provider.spi.ProviderOutput;

/**
 * Every state a Google operation can be in (docs/providers/veo.md). {@code done} is true
 * on success AND on failure, and a done operation with zero samples means the safety
 * filter removed them.
 */
enum VeoStatus {

    /** {@code done} absent or false (Google exposes no queued/running distinction). */
    RUNNING,
    /** {@code done: true} with {@code error}. */
    FAILED,
    /** {@code done: true} with at least one sample. */
    SUCCEEDED,
    /**
     * {@code done: true} with zero samples ({@code raiMediaFilteredCount > 0} or no
     * samples at all).
     */
    FILTERED;

    PollResult toPollResult(VeoApi.Operation operation, List<ProviderOutput> outputs, List<String> filterReasons) {
        return switch (this) {
            case RUNNING -> PollResult.Pending.inProgress();
            case FAILED -> VeoErrorClassifier.operationFailure(operation.error());
            case SUCCEEDED -> new PollResult.Succeeded(outputs);
            case FILTERED -> new PollResult.Failed(ErrorCode.CONTENT_POLICY,
                    VeoErrorClassifier.CONTENT_POLICY
                            + (filterReasons.isEmpty() ? " (the safety filter removed every video)."
                                    : " (safety filter): " + String.join(" ", filterReasons)));
        };
    }

}
