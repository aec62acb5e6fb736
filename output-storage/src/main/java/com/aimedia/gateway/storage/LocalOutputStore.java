package com.aimedia.gateway.storage;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Outputs in a local directory, {@code <directory>/<key>} (a volume all provider-workers
 * replicas share). A file is written under a temporary name in the same directory and
 * then renamed atomically, so a crash mid-copy leaves at most a hidden {@code .partial}
 * file that the sweeper removes, never half an output under its key.
 */
public final class LocalOutputStore implements OutputStore {

    static final String PARTIAL_SUFFIX = ".partial";

    private final Path directory;

    private final StorageMetrics metrics;

    public LocalOutputStore(Path directory, StorageMetrics metrics) {
        this.directory = directory.toAbsolutePath().normalize();
        this.metrics = metrics;
    }

    @Override
    public long put(OutputKey key, InputStream content, long maxBytes) throws IOException {
        Path target = path(key);
        try {
            Files.createDirectories(target.getParent());
            Path partial = Files.createTempFile(target.getParent(), "." + key.index() + "-", PARTIAL_SUFFIX);
            try {
                long copied;
                try (OutputStream out = new LimitedOutputStream(Files.newOutputStream(partial), maxBytes)) {
                    copied = content.transferTo(out);
                }
                if (copied == 0) {
                    throw new IOException("empty output");
                }
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return copied;
            }
            finally {
                Files.deleteIfExists(partial);
            }
        }
        catch (OutputTooLargeException e) {
            throw e;
        }
        catch (IOException e) {
            metrics.storeError(kind(), "put");
            throw e;
        }
    }

    @Override
    public boolean exists(OutputKey key) {
        return Files.isRegularFile(path(key));
    }

    /**
     * The stored file of a well-formed key, if it is there; never a path outside the
     * directory.
     */
    public Optional<Path> find(String key) {
        return OutputKey.parse(key).map(this::path).filter(Files::isRegularFile);
    }

    public Path directory() {
        return directory;
    }

    @Override
    public String kind() {
        return "local";
    }

    private Path path(OutputKey key) {
        return directory.resolve(key.value());
    }

    /** Stops a copy that grows past its limit before the disk fills. */
    private static final class LimitedOutputStream extends FilterOutputStream {

        private final long maxBytes;

        private long written;

        LimitedOutputStream(OutputStream out, long maxBytes) {
            super(out);
            this.maxBytes = maxBytes;
        }

        @Override
        public void write(int b) throws IOException {
            count(1);
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            count(len);
            out.write(b, off, len);
        }

        private void count(int bytes) throws IOException {
            written += bytes;
            if (written > maxBytes) {
                throw new OutputTooLargeException(maxBytes);
            }
        }

    }

}
