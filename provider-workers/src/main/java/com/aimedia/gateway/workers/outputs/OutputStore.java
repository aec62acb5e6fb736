package com.aimedia.gateway.workers.outputs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Copied outputs on a local directory: {@code <directory>/<taskId>/<n>.<ext>}. A file appears whole or not at all
 * (written to a temporary name, then moved), so a reader never serves half a video.
 */
final class OutputStore {

    private static final Pattern SAFE_SEGMENT = Pattern.compile("[A-Za-z0-9_-]{1,128}(\\.[a-z0-9]{1,8})?");

    private final Path directory;

    OutputStore(Path directory) {
        this.directory = directory;
    }

    /** Stores one output; returns the key ({@code <taskId>/<file>}) it is served under. */
    String put(String taskId, int index, String contentType, InputStream content, long maxBytes) throws IOException {
        String file = index + "." + MediaTypes.extensionOf(contentType);
        Path target = resolve(taskId, file).orElseThrow(() -> new IllegalArgumentException("unsafe task id"));
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempFile(target.getParent(), "." + index + "-", ".partial");
        try {
            try (var out = Files.newOutputStream(partial)) {
                long copied = content.transferTo(new LimitedOutputStream(out, maxBytes));
                if (copied == 0) {
                    throw new IOException("empty output");
                }
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        finally {
            Files.deleteIfExists(partial);
        }
        return taskId + "/" + file;
    }

    /** The stored file, if the segments are well-formed and it exists; never a path outside the directory. */
    Optional<Path> find(String taskId, String file) {
        return resolve(taskId, file).filter(Files::isRegularFile);
    }

    private Optional<Path> resolve(String taskId, String file) {
        if (!SAFE_SEGMENT.matcher(taskId).matches() || !SAFE_SEGMENT.matcher(file).matches()) {
            return Optional.empty();
        }
        return Optional.of(directory.resolve(taskId).resolve(file));
    }

    /** An output grew past the configured maximum; the partial copy is gone. */
    static final class TooLargeException extends IOException {

        private static final long serialVersionUID = 1L;

        TooLargeException(long maxBytes) {
            super("output larger than " + maxBytes + " bytes");
        }
    }

    /** Stops a copy that grows past the configured maximum. */
    private static final class LimitedOutputStream extends java.io.FilterOutputStream {

        private final long maxBytes;
        private long written;

        LimitedOutputStream(java.io.OutputStream out, long maxBytes) {
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
                throw new TooLargeException(maxBytes);
            }
        }
    }
}
