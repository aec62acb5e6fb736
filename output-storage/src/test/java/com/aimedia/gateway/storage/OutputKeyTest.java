package com.aimedia.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OutputKeyTest {

    @Test
    void should_round_trip_when_key_is_well_formed() {
        OutputKey key = OutputKey.of(30, "task_1", 2, "audio/x-wav");

        assertThat(key.value()).isEqualTo("r30/task_1/2.wav");
        assertThat(OutputKey.parse(key.value())).contains(key);
        assertThat(key.contentType()).isEqualTo("audio/wav");
        assertThat(key.contentDisposition()).isEqualTo("inline; filename=\"task_1-2.wav\"");
    }

    @Test
    void should_reject_paths_when_they_leave_the_store() {
        assertThat(OutputKey.parse("r30/../etc/0.png")).isEmpty();
        assertThat(OutputKey.parse("r30/task/0.png/../../x")).isEmpty();
        assertThat(OutputKey.parse("/r30/task/0.png")).isEmpty();
        assertThat(OutputKey.parse("r0/task/0.png")).isEmpty();
        assertThat(OutputKey.parse("r30/task/0")).isEmpty();
    }

    @Test
    void should_refuse_a_task_id_when_it_is_not_a_path_segment() {
        assertThatThrownBy(() -> OutputKey.of(30, "a/b", 0, "image/png")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void should_name_unknown_types_bin_when_the_provider_sends_no_media_type() {
        assertThat(OutputKey.of(7, "t", 0, "text/html").value()).isEqualTo("r7/t/0.bin");
        assertThat(OutputKey.of(7, "t", 0, "text/html").contentType()).isEqualTo(MediaTypes.UNKNOWN);
    }

}
