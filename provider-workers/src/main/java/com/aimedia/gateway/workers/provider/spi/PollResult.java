package com.aimedia.gateway.workers.provider.spi;

import java.net.URI;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/** What a poll learned. Callers switch over it exhaustively. */
public sealed interface PollResult permits PollResult.Pending, PollResult.Succeeded, PollResult.Failed {

    /**
     * Not finished yet.
     *
     * @param running false while the provider still queues the task, true once it runs it
     * @param progress 0-100 where the provider reports it, else null
     */
    record Pending(boolean running, @Nullable Integer progress) implements PollResult {

        public static Pending inQueue() {
            return new Pending(false, null);
        }

        public static Pending inProgress() {
            return new Pending(true, null);
        }
    }

    /** Finished with at least one result. */
    record Succeeded(List<ProviderOutput> outputs) implements PollResult {

        public Succeeded {
            outputs = List.copyOf(outputs);
            if (outputs.isEmpty()) {
                throw new IllegalArgumentException("a succeeded task has at least one output");
            }
        }

        /** Results at plain URLs that need no credential. */
        public static Succeeded urls(List<URI> urls) {
            return new Succeeded(urls.stream().map(ProviderOutput::url).toList());
        }
    }

    /**
     * Finished without a result; {@code message} is for users and never holds a secret.
     */
    record Failed(ErrorCode code, String message) implements PollResult {

        public Failed {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }

}
