package com.aimedia.gateway.workers.outputs;

import com.aimedia.gateway.storage.LocalOutputLinks;
import com.aimedia.gateway.storage.LocalOutputStore;
import com.aimedia.gateway.storage.LocalRetentionSweeper;
import com.aimedia.gateway.storage.OutputStore;
import com.aimedia.gateway.storage.S3OutputStore;

import software.amazon.awssdk.services.s3.S3Client;

/**
 * Which output store this service runs with: none (provider URLs passed through), a local
 * directory, or S3.
 */
sealed interface ConfiguredStore extends AutoCloseable {

    record None() implements ConfiguredStore {
    }

    /** Served by this service's {@code /files/} endpoint and swept by it. */
    record Local(LocalOutputStore store, LocalOutputLinks links,
            LocalRetentionSweeper sweeper) implements ConfiguredStore {
    }

    /** Served by the bucket (presigned links); deleted by its lifecycle rules. */
    record S3(S3OutputStore store, S3Client client) implements ConfiguredStore {
    }

    @Override
    default void close() {
        if (this instanceof S3 s3) {
            s3.client().close();
        }
    }

    static OutputStore storeOf(ConfiguredStore configured) {
        return switch (configured) {
            case None none -> throw new IllegalStateException("no output store configured");
            case Local local -> local.store();
            case S3 s3 -> s3.store();
        };
    }

}
