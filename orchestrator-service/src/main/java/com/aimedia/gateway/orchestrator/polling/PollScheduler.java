package com.aimedia.gateway.orchestrator.polling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import com.aimedia.gateway.orchestrator.OrchestratorMetrics;
import com.aimedia.gateway.orchestrator.polling.PollClaims.ClaimedPoll;
import com.aimedia.gateway.orchestrator.polling.PollClaims.DuePoll;
import com.aimedia.gateway.orchestrator.polling.PollClaims.MadeDue;
import com.aimedia.gateway.orchestrator.task.ImmediatePolls;
import com.aimedia.gateway.orchestrator.task.TaskEvent;
import com.aimedia.gateway.orchestrator.task.TaskService;
import com.aimedia.gateway.platform.tracing.TaskTraces;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Every tick, claims the due polls (a few at once, {@link ParallelPolls}; batch after
 * batch while there is a backlog, {@link TickBatches}) and asks the provider's workers to
 * poll ({@code tasks.poll.<provider>}), or, while the provider has not been seen to
 * accept the task, to check what became of its submission; fails a task that passed its
 * deadline with {@code provider_timeout}. A provider callback makes a task's poll due at
 * once and claims it on the same path ({@link #pollNow}); a callback that came before the
 * provider's acceptance was applied, once it is ({@link #acceptanceApplied}).
 */
@Component
public class PollScheduler implements SchedulingConfigurer, ImmediatePolls {

    static final String TIMEOUT_CODE = "provider_timeout";

    private static final Logger log = LoggerFactory.getLogger(PollScheduler.class);

    private final PollClaims claims;

    private final PollSchedule schedule;

    private final TaskService tasks;

    private final PollRequests requests;

    private final TaskTraces traces;

    private final PollingProperties properties;

    private final Clock clock;

    private final MeterRegistry registry;

    private final PollBacklog backlog;

    private final PollLag lag;

    private final EarlyCallbacks earlyCallbacks = new EarlyCallbacks();

    PollScheduler(PollClaims claims, PollSchedule schedule, TaskService tasks, PollRequests requests, TaskTraces traces,
            PollingProperties properties, Clock clock, MeterRegistry registry) {
        this.claims = claims;
        this.schedule = schedule;
        this.tasks = tasks;
        this.requests = requests;
        this.traces = traces;
        this.properties = properties;
        this.clock = clock;
        this.registry = registry;
        this.lag = new PollLag(registry);
        this.backlog = new PollBacklog(registry);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(() -> {
            try {
                tick();
            }
            catch (RuntimeException e) {
                // MongoDB or Kafka unreachable: readiness reports it; the next tick tries
                // again
                log.warn("poll tick failed error={}", e.toString());
            }
        }, properties.tick());
    }

    /**
     * @return how many polls this replica claimed
     */
    public int tick() {
        return TickBatches.run(properties.batchSize(), this::claimBatch);
    }

    private TickBatches.Batch claimBatch() {
        Instant now = now();
        List<DuePoll> due = claims.findDue(now, properties.batchSize());
        lag.observe(now, due);
        int claimed = ParallelPolls.handle(due, properties.parallelism(), poll -> claimAndHandle(poll, now));
        backlog.observe(now, due.size(), properties.batchSize(), () -> claims.countDue(now));
        return new TickBatches.Batch(due.size(), claimed);
    }

    @Override
    public void pollNow(String taskId) {
        Instant now = now();
        switch (claims.makeDue(taskId, now)) {
            case MadeDue.Due due -> claimAndHandle(due.poll(), now);
            case MadeDue.AwaitingAcceptance awaiting -> {
                earlyCallbacks.remember(taskId);
                log.debug("poll deferred until the provider's acceptance is applied taskId={}", taskId);
            }
            case MadeDue.NotPolled notPolled ->
                log.debug("poll not needed, the task is terminal or not known taskId={}", taskId);
        }
    }

    @Override
    public void acceptanceApplied(String taskId) {
        if (earlyCallbacks.forget(taskId)) {
            pollNow(taskId);
        }
    }

    private boolean claimAndHandle(DuePoll due, Instant now) {
        Instant next = schedule.nextPollAt(due.provider(), due.accepted(), now, due.pollAttempts() + 1,
                due.deadlineAt());
        Optional<ClaimedPoll> claim = claims.claim(due, next);
        claim.ifPresent(poll -> {
            if (!due.accepted() && poll.providerTaskId() != null) {
                // accepted between the read and the claim, keeping its earlier
                // next_poll_at: back from the submission checks' schedule to the polls'
                claims.reschedule(poll.taskId(), next,
                        schedule.nextPollAt(poll.provider(), true, now, poll.attempt(), poll.deadlineAt()));
            }
            handle(poll, now);
        });
        return claim.isPresent();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * In the task's trace: a poll started by the schedule continues the trace of the
     * task's submit.
     */
    private void handle(ClaimedPoll poll, Instant now) {
        try (MDC.MDCCloseable task = MDC.putCloseable("taskId", poll.taskId());
                MDC.MDCCloseable provider = MDC.putCloseable("provider", poll.provider())) {
            Instant deadlineAt = poll.deadlineAt();
            if (deadlineAt != null && !now.isBefore(deadlineAt)) {
                traces.inTrace(poll.traceParent(), "poll deadline", () -> timeOut(poll, now));
            }
            else if (poll.providerTaskId() != null) {
                traces.inTrace(poll.traceParent(), "poll", () -> requestPoll(poll, now));
            }
            else {
                traces.inTrace(poll.traceParent(), "submission check", () -> requestSubmissionCheck(poll, now));
            }
        }
        catch (RuntimeException e) {
            // the claim moved next_poll_at on: the task is looked at again after its
            // backoff
            log.error("poll handling failed taskId={} provider={} error={}", poll.taskId(), poll.provider(),
                    e.getClass().getSimpleName(), e);
        }
    }

    /**
     * Fails the task, then asks the workers to stop its provider job: a job still running
     * (or still waiting to be sent) would be paid for a task nobody gets. Best effort: if
     * this replica dies in between, the job runs on and its result is ignored.
     */
    private void timeOut(ClaimedPoll poll, Instant now) {
        Duration deadline = schedule.deadline(poll.provider());
        log.info("task passed its deadline taskId={} provider={} deadline={}", poll.taskId(), poll.provider(),
                deadline);
        boolean failed = tasks.apply(new TaskEvent.Failed(poll.taskId(), poll.provider(), now, null, TIMEOUT_CODE,
                "The provider did not finish the task within " + Durations.describe(deadline) + "."));
        String tenantId = poll.tenantId();
        if (failed && tenantId != null) {
            requests.stop(poll.taskId(), poll.provider(), tenantId, now);
        }
    }

    /**
     * The provider has not been seen to accept the task: the workers re-report or recover
     * its submission.
     */
    private void requestSubmissionCheck(ClaimedPoll poll, Instant now) {
        requests.submissionCheck(poll.taskId(), poll.provider(), now);
        log.debug("submission check requested taskId={} provider={} attempt={}", poll.taskId(), poll.provider(),
                poll.attempt());
    }

    private void requestPoll(ClaimedPoll poll, Instant now) {
        requests.poll(poll.taskId(), poll.provider(), poll.providerTaskId(), poll.providerRef(), poll.attempt(), now);
        Counter.builder(OrchestratorMetrics.POLLS_REQUESTED)
            .tag(OrchestratorMetrics.PROVIDER, poll.provider())
            .register(registry)
            .increment();
        log.debug("poll requested taskId={} provider={} attempt={}", poll.taskId(), poll.provider(), poll.attempt());
    }

}
