package com.aimedia.gateway.orchestrator.polling;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EarlyCallbacksTest {

    private final EarlyCallbacks callbacks = new EarlyCallbacks();

    @Test
    void should_tell_once_that_a_remembered_task_called_back_early() {
        // given
        callbacks.remember("task-1");

        // when / then
        assertThat(callbacks.forget("task-1")).isTrue();
        assertThat(callbacks.forget("task-1")).isFalse();
        assertThat(callbacks.forget("task-2")).isFalse();
    }

    @Test
    void should_forget_the_oldest_tasks_beyond_its_capacity() {
        // when
        for (int i = 0; i <= EarlyCallbacks.CAPACITY; i++) {
            callbacks.remember("task-" + i);
        }

        // then
        assertThat(callbacks.forget("task-0")).isFalse();
        assertThat(callbacks.forget("task-1")).isTrue();
        assertThat(callbacks.forget("task-" + EarlyCallbacks.CAPACITY)).isTrue();
    }

}
