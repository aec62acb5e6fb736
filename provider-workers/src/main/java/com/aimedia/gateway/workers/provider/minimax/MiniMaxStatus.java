package com.aimedia.gateway.workers.provider.minimax;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Every documented MiniMax task {@code status} (docs/providers/minimax.md).
 * {@code Success} is only half the answer: the URL comes from a second call
 * ({@code files/retrieve}), which the adapter makes inside the poll.
 */
enum MiniMaxStatus {

    PREPARING("Preparing"), QUEUEING("Queueing"), PROCESSING("Processing"), SUCCESS("Success"), FAIL("Fail");

    private final String wireValue;

    MiniMaxStatus(String wireValue) {
        this.wireValue = wireValue;
    }

    static Optional<MiniMaxStatus> fromWire(@Nullable String raw) {
        for (MiniMaxStatus status : values()) {
            if (status.wireValue.equals(raw)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

}
