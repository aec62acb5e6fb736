package com.aimedia.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class LocalOutputStoreTest {

    @TempDir
    Path directory;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private LocalOutputStore store() {
        return new LocalOutputStore(directory, new StorageMetrics(registry));
    }

    private long files() throws IOException {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void should_store_under_the_key_when_the_copy_completes() throws IOException {
        OutputKey key = OutputKey.of(30, "t1", 0, "video/mp4");

        long stored = store().put(key, new ByteArrayInputStream(new byte[] { 1, 2, 3 }), 10);

        assertThat(stored).isEqualTo(3);
        assertThat(store().find("r30/t1/0.mp4")).get()
            .satisfies(path -> assertThat(Files.readAllBytes(path)).containsExactly(1, 2, 3));
    }

    @Test
    void should_leave_nothing_visible_when_the_copy_breaks_off() throws IOException {
        OutputKey key = OutputKey.of(30, "t1", 0, "video/mp4");
        InputStream breaking = new SequenceInputStream(new ByteArrayInputStream(new byte[1000]), new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        });

        assertThatThrownBy(() -> store().put(key, breaking, 10_000)).hasMessage("connection reset");

        assertThat(store().exists(key)).isFalse();
        assertThat(files()).isZero();
        assertThat(registry.counter(StorageMetrics.ERRORS, "store", "local", "operation", "put").count()).isEqualTo(1);
    }

    @Test
    void should_keep_one_file_when_a_copy_is_repeated() throws IOException {
        OutputKey key = OutputKey.of(30, "t1", 0, "image/png");

        store().put(key, new ByteArrayInputStream(new byte[] { 1 }), 10);
        store().put(key, new ByteArrayInputStream(new byte[] { 2 }), 10);

        assertThat(files()).isEqualTo(1);
        assertThat(Files.readAllBytes(store().find(key.value()).orElseThrow())).containsExactly(2);
    }

    @Test
    void should_refuse_an_output_when_it_is_larger_than_allowed() {
        OutputKey key = OutputKey.of(30, "t1", 0, "image/png");

        assertThatThrownBy(() -> store().put(key, new ByteArrayInputStream(new byte[11]), 10))
            .isInstanceOf(OutputTooLargeException.class);
        assertThat(store().exists(key)).isFalse();
    }

    @Test
    void should_find_nothing_when_the_key_leaves_the_directory() {
        assertThat(store().find("../../etc/passwd")).isEmpty();
    }

    @Test
    void should_delete_outputs_when_their_retention_ended() throws IOException {
        Instant now = Instant.parse("2026-03-01T00:00:00Z");
        OutputKey old = OutputKey.of(7, "old", 0, "image/png");
        OutputKey kept = OutputKey.of(30, "kept", 0, "image/png");
        store().put(old, new ByteArrayInputStream(new byte[] { 1 }), 10);
        store().put(kept, new ByteArrayInputStream(new byte[] { 1 }), 10);
        Path stale = directory.resolve("r30/kept/.0-1.partial");
        Files.write(stale, new byte[] { 1 });
        FileTime tenDaysAgo = FileTime.from(now.minus(Duration.ofDays(10)));
        Files.setLastModifiedTime(store().find(old.value()).orElseThrow(), tenDaysAgo);
        Files.setLastModifiedTime(store().find(kept.value()).orElseThrow(), tenDaysAgo);
        Files.setLastModifiedTime(stale, tenDaysAgo);

        long deleted = new LocalRetentionSweeper(directory, new StorageMetrics(registry)).sweep(now);

        assertThat(deleted).isEqualTo(1);
        assertThat(store().exists(old)).isFalse();
        assertThat(Files.exists(directory.resolve("r7/old"))).isFalse();
        assertThat(store().exists(kept)).isTrue();
        assertThat(Files.exists(stale)).isFalse();
        assertThat(registry.counter(StorageMetrics.EXPIRED, "store", "local").count()).isEqualTo(1);
    }

}
