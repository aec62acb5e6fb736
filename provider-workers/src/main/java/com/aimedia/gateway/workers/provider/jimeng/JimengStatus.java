package com.aimedia.gateway.workers.provider.jimeng;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.workers.provider.spi.ErrorCode;
import com.aimedia.gateway.workers.provider.spi.PollResult;
import com.aimedia.gateway.workers.provider.spi.ProviderOutput;

/**
 * Every {@code data.status} of {@code CVSync2AsyncGetResult} (docs/providers/jimeng.md;
 * the list comes from third-party implementations, the official page was not reached).
 * Only answers with {@code code == 10000} get here: a {@code done} with another code is
 * an error answer, classified by {@link JimengErrorClassifier}.
 */
enum JimengStatus {

    IN_QUEUE("in_queue"), GENERATING("generating"), DONE("done"), NOT_FOUND("not_found"), EXPIRED("expired");

    private final String wireValue;

    JimengStatus(String wireValue) {
        this.wireValue = wireValue;
    }

    static Optional<JimengStatus> fromWire(@Nullable String raw) {
        for (JimengStatus status : values()) {
            if (status.wireValue.equals(raw)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    PollResult toPollResult(List<ProviderOutput> outputs) {
        return switch (this) {
            case IN_QUEUE -> PollResult.Pending.inQueue();
            case GENERATING -> PollResult.Pending.inProgress();
            // "done" counts only with a result: docs/providers/jimeng.md lists "done +
            // code 10000 + URL present" as completed
            case DONE -> outputs.isEmpty()
                    ? new PollResult.Failed(ErrorCode.PROVIDER_ERROR,
                            "The provider reported the task done without a result.")
                    : new PollResult.Succeeded(outputs);
            case NOT_FOUND -> new PollResult.Failed(ErrorCode.NOT_FOUND, "The provider does not know this task.");
            case EXPIRED -> new PollResult.Failed(ErrorCode.NOT_FOUND,
                    "The task expired at the provider before its result was collected.");
        };
    }

}
