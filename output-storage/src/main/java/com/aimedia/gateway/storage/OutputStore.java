package com.aimedia.gateway.storage;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where provider-workers keeps copied outputs. A stored object appears whole or not at
 * all, under its deterministic key, so a copy that crashes halfway leaves nothing a
 * reader can see and its retry leaves exactly one object.
 */
public sealed interface OutputStore permits LocalOutputStore, S3OutputStore {

    /**
     * Streams the content into the store under the key (its media type is the key's).
     * @param maxBytes the most this object may hold
     * @return the number of bytes stored
     * @throws OutputTooLargeException when the content is longer than {@code maxBytes};
     * nothing is stored
     * @throws IOException when the content is empty, or reading it or writing the store
     * fails; nothing is stored
     */
    long put(OutputKey key, InputStream content, long maxBytes) throws IOException;

    boolean exists(OutputKey key) throws IOException;

    /** Which kind of store, as a bounded metric tag. */
    String kind();

}
