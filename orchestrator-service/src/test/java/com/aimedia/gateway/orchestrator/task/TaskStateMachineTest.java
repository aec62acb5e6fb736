package com.aimedia.gateway.orchestrator.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class TaskStateMachineTest {

    private static final Instant CREATED = Instant.parse("2025-11-26T10:00:00Z");

    private static final String TASK = "task_abc";

    private final TaskStateMachine machine = new TaskStateMachine(FixedPollingPolicy.standard());

    private static final TaskEvent SUBMITTED = new TaskEvent.Submitted(TASK, CREATED.plusMillis(20),
            new Submission("tenant-1", "kling-v2", "kling", "kling-v2-master", "https://example.com/hook", CREATED));

    private static final TaskEvent ACCEPTED = new TaskEvent.Accepted(TASK, "kling", CREATED.plusSeconds(2), "pt-1",
            "ref-1");

    private static final TaskEvent PROGRESS = new TaskEvent.Progressed(TASK, "kling", CREATED.plusSeconds(10), "pt-1");

    private static final TaskEvent COMPLETED = new TaskEvent.Completed(TASK, "kling", CREATED.plusSeconds(60), "pt-1",
            List.of("https://cdn.example.com/a.mp4"));

    private static final TaskEvent FAILED = new TaskEvent.Failed(TASK, "kling", CREATED.plusSeconds(30), "pt-1",
            "content_policy", "The prompt was rejected by the provider's content policy.");

    @Test
    void should_reach_the_same_completed_state_when_events_arrive_in_any_order() {
        // given
        List<List<TaskEvent>> orders = permutations(List.of(SUBMITTED, ACCEPTED, PROGRESS, COMPLETED));
        TaskState expected = replay(List.of(SUBMITTED, ACCEPTED, PROGRESS, COMPLETED)).state();

        // when / then
        assertThat(orders).hasSize(24);
        for (List<TaskEvent> order : orders) {
            Replay replay = replay(order);
            assertThat(replay.state()).as("order %s", names(order)).isEqualTo(expected);
            assertThat(TaskBody.render(replay.state())).isEqualTo(TaskBody.render(expected));
        }
        assertThat(expected.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(expected.version()).isEqualTo(TaskState.TERMINAL_VERSION);
        assertThat(expected.completedAt()).isEqualTo(CREATED.plusSeconds(60));
        assertThat(expected.updatedAt()).isEqualTo(CREATED.plusSeconds(60));
        assertThat(expected.outputs()).containsExactly("https://cdn.example.com/a.mp4");
        assertThat(expected.providerTaskId()).isEqualTo("pt-1");
        assertThat(expected.providerRef()).isEqualTo("ref-1");
        assertThat(expected.nextPollAt()).isNull();
        assertThat(expected.submission()).isNotNull();
    }

    @Test
    void should_reach_the_same_failed_state_when_events_arrive_in_any_order() {
        // given
        List<List<TaskEvent>> orders = permutations(List.of(SUBMITTED, ACCEPTED, FAILED));
        TaskState expected = replay(List.of(SUBMITTED, ACCEPTED, FAILED)).state();

        // when / then
        assertThat(orders).hasSize(6);
        for (List<TaskEvent> order : orders) {
            assertThat(replay(order).state()).as("order %s", names(order)).isEqualTo(expected);
        }
        assertThat(expected.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(expected.version()).isEqualTo(TaskState.TERMINAL_VERSION);
        assertThat(expected.errorCode()).isEqualTo("content_policy");
        assertThat(expected.error()).isEqualTo("The prompt was rejected by the provider's content policy.");
        assertThat(expected.completedAt()).isEqualTo(CREATED.plusSeconds(30));
        assertThat(expected.nextPollAt()).isNull();
    }

    @Test
    void should_publish_each_version_once_in_increasing_order_when_events_arrive_in_any_order() {
        for (List<TaskEvent> order : permutations(List.of(SUBMITTED, ACCEPTED, PROGRESS, COMPLETED))) {
            // when
            List<StatusChange> published = replay(order).published();

            // then
            List<Long> versions = published.stream().map(StatusChange::version).toList();
            assertThat(versions).as("order %s", names(order)).isSorted().doesNotHaveDuplicates();
            assertThat(versions.getLast()).isEqualTo(TaskState.TERMINAL_VERSION);
            assertThat(published.getLast().body()).isEqualTo(TaskBody.render(replay(order).state()));
        }
    }

    @Test
    void should_raise_the_version_with_the_progress_and_end_in_the_same_state_when_progress_reports_arrive_in_any_order() {
        TaskEvent at30 = new TaskEvent.Progressed(TASK, "kling", CREATED.plusSeconds(12), "pt-1", 30);
        TaskEvent at70 = new TaskEvent.Progressed(TASK, "kling", CREATED.plusSeconds(14), "pt-1", 70);
        for (List<TaskEvent> order : permutations(List.of(SUBMITTED, at30, at70, COMPLETED))) {
            // when
            Replay replay = replay(order);

            // then
            List<Long> versions = replay.published().stream().map(StatusChange::version).toList();
            assertThat(versions).as("order %s", names(order))
                .isSorted()
                .doesNotHaveDuplicates()
                .allMatch(version -> version == 1 || (version >= 2 && version <= 102)
                        || version == TaskState.TERMINAL_VERSION);
            assertThat(versions.getLast()).isEqualTo(TaskState.TERMINAL_VERSION);
            assertThat(replay.state()).as("order %s", names(order))
                .isEqualTo(replay(List.of(SUBMITTED, COMPLETED)).state().withProgress(null));
            assertThat(replay.published().getLast().body()).doesNotContain("progress");
        }
    }

    @Test
    void should_publish_a_progress_only_version_with_the_progress_in_the_body_and_ignore_a_lower_or_late_report() {
        TaskState at70 = replay(List.of(SUBMITTED, PROGRESS,
                new TaskEvent.Progressed(TASK, "kling", CREATED.plusSeconds(14), "pt-1", 70)))
            .state();

        Transition lower = machine.next(at70,
                new TaskEvent.Progressed(TASK, "kling", CREATED.plusSeconds(16), "pt-1", 40));
        Transition.Changed higher = (Transition.Changed) machine.next(at70,
                new TaskEvent.Progressed(TASK, "kling", CREATED.plusSeconds(16), "pt-1", 90));
        TaskState completed = replay(List.of(SUBMITTED, PROGRESS, COMPLETED)).state();

        assertThat(at70.version()).isEqualTo(72);
        assertThat(lower).isInstanceOf(Transition.Unchanged.class);
        assertThat(higher.statusChanged()).isFalse();
        assertThat(higher.publication().statusChanged()).isFalse();
        assertThat(higher.publication().progress()).isEqualTo(90);
        assertThat(higher.publication().body()).isEqualTo("{\"id\":\"task_abc\",\"status\":\"in_progress\","
                + "\"created_at\":1764151200,\"progress\":90,\"version\":92,\"updated_at\":1764151210}");
        assertThat(
                machine.next(completed, new TaskEvent.Progressed(TASK, "kling", CREATED.plusSeconds(90), "pt-1", 99)))
            .isInstanceOf(Transition.Unchanged.class);
    }

    @Test
    void should_change_nothing_when_an_event_is_applied_twice() {
        for (TaskEvent event : List.of(SUBMITTED, ACCEPTED, PROGRESS, COMPLETED, FAILED)) {
            // given
            TaskState state = replay(List.of(SUBMITTED, event)).state();

            // when
            Transition again = machine.next(state, event);

            // then
            assertThat(again).as(event.getClass().getSimpleName()).isEqualTo(new Transition.Unchanged(state));
        }
    }

    @Test
    void should_keep_a_terminal_status_when_later_reports_arrive() {
        // given
        TaskState failed = replay(List.of(SUBMITTED, ACCEPTED, FAILED)).state();

        // when / then
        assertThat(machine.next(failed, COMPLETED)).isInstanceOf(Transition.Unchanged.class);
        assertThat(machine.next(failed, PROGRESS)).isInstanceOf(Transition.Unchanged.class);
        assertThat(machine.next(failed, ACCEPTED)).isInstanceOf(Transition.Unchanged.class);
        TaskState completed = replay(List.of(SUBMITTED, COMPLETED)).state();
        assertThat(machine.next(completed, FAILED)).isInstanceOf(Transition.Unchanged.class);
    }

    @Test
    void should_not_publish_when_a_report_arrives_before_the_submission() {
        // when
        Transition first = machine.next(null, PROGRESS);

        // then
        Transition.Changed changed = (Transition.Changed) first;
        assertThat(changed.publication()).isNull();
        assertThat(changed.after().status()).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(changed.after().submission()).isNull();
    }

    @Test
    void should_publish_the_current_state_when_the_submission_arrives_after_reports() {
        // given
        TaskState reported = replay(List.of(ACCEPTED, PROGRESS)).state();

        // when
        Transition.Changed changed = (Transition.Changed) machine.next(reported, SUBMITTED);

        // then
        assertThat(changed.statusChanged()).isFalse();
        assertThat(changed.publication()).isNotNull();
        assertThat(changed.publication().version()).isEqualTo(2);
        assertThat(changed.publication().body())
            .isEqualTo("{\"id\":\"task_abc\",\"status\":\"in_progress\",\"created_at\":1764151200,"
                    + "\"version\":2,\"updated_at\":1764151210}");
    }

    @Test
    void should_store_the_provider_task_without_publishing_when_accepted() {
        // given
        TaskState queued = replay(List.of(SUBMITTED)).state();

        // when
        Transition.Changed changed = (Transition.Changed) machine.next(queued, ACCEPTED);

        // then
        assertThat(changed.publication()).isNull();
        assertThat(changed.statusChanged()).isFalse();
        assertThat(changed.after().version()).isEqualTo(1);
        assertThat(changed.after().providerTaskId()).isEqualTo("pt-1");
        assertThat(changed.after().pollingSince()).isEqualTo(CREATED.plusSeconds(2));
        assertThat(changed.after().nextPollAt()).isEqualTo(CREATED.plusSeconds(7));
    }

    @Test
    void should_check_the_submission_soon_when_submitted_but_not_yet_accepted() {
        // when
        TaskState queued = replay(List.of(SUBMITTED)).state();

        // then: a lost acceptance report is asked for after 20 s, not discovered at the
        // 30-minute deadline
        assertThat(queued.deadlineAt()).isEqualTo(CREATED.plus(Duration.ofMinutes(30)));
        assertThat(queued.nextPollAt()).isEqualTo(CREATED.plusSeconds(20));
        assertThat(queued.updatedAt()).isEqualTo(CREATED);
    }

    @Test
    void should_watch_the_deadline_when_it_comes_before_the_submission_check() {
        // given
        TaskStateMachine shortDeadline = new TaskStateMachine(
                new FixedPollingPolicy(Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(10)));

        // when
        TaskState queued = ((Transition.Changed) shortDeadline.next(null, SUBMITTED)).after();

        // then
        assertThat(queued.nextPollAt()).isEqualTo(CREATED.plusSeconds(10)).isEqualTo(queued.deadlineAt());
    }

    @Test
    void should_fill_the_provider_task_id_from_a_terminal_report_without_acceptance() {
        // when
        TaskState completed = replay(List.of(SUBMITTED, COMPLETED)).state();

        // then
        assertThat(completed.providerTaskId()).isEqualTo("pt-1");
        assertThat(completed.nextPollAt()).isNull();
    }

    private Replay replay(List<TaskEvent> events) {
        TaskState state = null;
        List<StatusChange> published = new ArrayList<>();
        for (TaskEvent event : events) {
            Transition transition = machine.next(state, event);
            if (transition instanceof Transition.Changed changed) {
                state = changed.after();
                if (changed.publication() != null) {
                    published.add(changed.publication());
                }
            }
        }
        return new Replay(state, published);
    }

    private record Replay(@Nullable TaskState state, List<StatusChange> published) {
    }

    private static List<List<TaskEvent>> permutations(List<TaskEvent> events) {
        if (events.isEmpty()) {
            return List.of(List.of());
        }
        List<List<TaskEvent>> result = new ArrayList<>();
        for (TaskEvent first : events) {
            List<TaskEvent> rest = new ArrayList<>(events);
            rest.remove(first);
            for (List<TaskEvent> tail : permutations(rest)) {
                List<TaskEvent> order = new ArrayList<>();
                order.add(first);
                order.addAll(tail);
                result.add(order);
            }
        }
        return result;
    }

    private static List<String> names(List<TaskEvent> order) {
        return order.stream().map(event -> event.getClass().getSimpleName()).toList();
    }

}
