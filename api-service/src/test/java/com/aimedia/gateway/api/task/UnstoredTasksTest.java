package com.aimedia.gateway.api.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.aimedia.gateway.api.taskid.TaskId;
import com.aimedia.gateway.api.web.ProblemCode;
import com.aimedia.gateway.platform.retention.TaskRecordRetention;
import com.aimedia.gateway.web.problems.ApiProblemException;

/**
 * A verified id that is not stored is {@code queued} only while it can still be on its
 * way: a task deleted by retention must never come back as {@code queued}.
 */
class UnstoredTasksTest {

    private static final Instant CREATED = Instant.parse("2026-11-01T10:00:00Z");

    private static final TaskId ID = new TaskId("task_x", CREATED);

    private static final TaskRecordRetention RETENTION = new TaskRecordRetention(Duration.ofDays(30),
            Map.of("keeps-all", Duration.ZERO), Duration.ofHours(1), 500);

    private static UnstoredTasks at(Instant now, TaskRecordRetention retention) {
        return new UnstoredTasks(retention, new UnstoredTaskProperties(Duration.ofHours(24)),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void should_let_a_recent_id_be_answered_queued() {
        assertThatCode(() -> at(CREATED.plusSeconds(5), RETENTION).requireOnItsWay(ID, "tenant-1"))
            .doesNotThrowAnyException();
    }

    @Test
    void should_answer_410_task_expired_when_the_tenants_retention_has_deleted_the_task() {
        ApiProblemException problem = catchThrowableOfType(ApiProblemException.class,
                () -> at(CREATED.plus(Duration.ofDays(30)), RETENTION).requireOnItsWay(ID, "tenant-1"));

        assertThat(problem.code()).isEqualTo(ProblemCode.TASK_EXPIRED);
        assertThat(problem.code().status().value()).isEqualTo(410);
        assertThat(problem.getMessage()).contains("kept 30 days");
    }

    @Test
    void should_answer_404_when_the_id_is_older_than_any_task_still_on_its_way() {
        ApiProblemException kept = catchThrowableOfType(ApiProblemException.class,
                () -> at(CREATED.plus(Duration.ofDays(40)), RETENTION).requireOnItsWay(ID, "keeps-all"));
        ApiProblemException noRetention = catchThrowableOfType(ApiProblemException.class,
                () -> at(CREATED.plus(Duration.ofHours(24)), TaskRecordRetention.keepForever()).requireOnItsWay(ID,
                        "tenant-1"));

        assertThat(kept.code()).isEqualTo(ProblemCode.TASK_NOT_FOUND);
        assertThat(noRetention.code()).isEqualTo(ProblemCode.TASK_NOT_FOUND);
    }

}
