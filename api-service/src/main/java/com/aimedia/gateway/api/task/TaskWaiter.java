package com.aimedia.gateway.api.task;

import java.time.Duration;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Holds a submit for {@code Prefer: wait=N}: reads the stored task until it is terminal
 * or the time is up. Polls MongoDB with a growing pause (100 ms up to 1 s), which costs
 * one indexed read per pause for at most 60 s. Measured on the monotonic clock: the wall
 * clock may jump.
 */
@Component
class TaskWaiter {

    private static final Duration FIRST_PAUSE = Duration.ofMillis(100);

    private static final Duration MAX_PAUSE = Duration.ofSeconds(1);

    private final TaskViewRepository views;

    TaskWaiter(TaskViewRepository views) {
        this.views = views;
    }

    /**
     * @return the terminal body if the task finished in time
     */
    Optional<String> awaitTerminal(String taskId, String tenantId, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        Duration pause = FIRST_PAUSE;
        while (true) {
            Optional<String> view = views.findView(taskId, tenantId).filter(TaskWaiter::isTerminal);
            long left = deadline - System.nanoTime();
            if (view.isPresent() || left <= 0) {
                return view;
            }
            try {
                Thread.sleep(Math.min(pause.toMillis(), Math.max(1, left / 1_000_000)));
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
        }
    }

    /**
     * The orchestrator renders the status second, after the id: no JSON parse needed to
     * read it.
     */
    private static boolean isTerminal(String view) {
        return view.contains(",\"status\":\"completed\",") || view.contains(",\"status\":\"failed\",");
    }

}
