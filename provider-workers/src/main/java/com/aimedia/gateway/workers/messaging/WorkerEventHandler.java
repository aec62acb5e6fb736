package com.aimedia.gateway.workers.messaging;

import org.apache.avro.specific.SpecificRecord;
import org.slf4j.MDC;

import com.aimedia.gateway.platform.kafka.PermanentFailure;
import com.aimedia.gateway.schemas.v1.PollRequested;
import com.aimedia.gateway.schemas.v1.SubmissionCheckRequested;
import com.aimedia.gateway.schemas.v1.TaskCancelRequested;
import com.aimedia.gateway.schemas.v1.TaskSubmitted;
import com.aimedia.gateway.workers.polling.PollService;
import com.aimedia.gateway.workers.submission.CancelService;
import com.aimedia.gateway.workers.submission.SubmissionService;

/**
 * Dispatches one record of a provider's topics, mapped to its domain command, to
 * submission (a submit, a submission check or a cancel) or polling, with taskId and
 * provider in the MDC.
 */
final class WorkerEventHandler {

    private final SubmissionService submissions;

    private final PollService polls;

    private final CancelService cancels;

    WorkerEventHandler(SubmissionService submissions, PollService polls, CancelService cancels) {
        this.submissions = submissions;
        this.polls = polls;
        this.cancels = cancels;
    }

    void handle(SpecificRecord event) {
        switch (event) {
            case TaskSubmitted submitted -> withMdc(submitted.getTaskId(), submitted.getProvider(),
                    () -> submissions.on(WorkerEventMapper.toCommand(submitted)));
            case PollRequested poll ->
                withMdc(poll.getTaskId(), poll.getProvider(), () -> polls.on(WorkerEventMapper.toCommand(poll)));
            case SubmissionCheckRequested check -> withMdc(check.getTaskId(), check.getProvider(),
                    () -> submissions.check(WorkerEventMapper.toCommand(check)));
            case TaskCancelRequested cancel -> withMdc(cancel.getTaskId(), cancel.getProvider(),
                    () -> cancels.on(WorkerEventMapper.toCommand(cancel)));
            default -> throw new UnexpectedEvent("provider topics carry TaskSubmitted, PollRequested, "
                    + "SubmissionCheckRequested and TaskCancelRequested only, got " + event.getClass().getSimpleName());
        }
    }

    private static void withMdc(String taskId, String provider, Runnable work) {
        try (MDC.MDCCloseable task = MDC.putCloseable("taskId", taskId);
                MDC.MDCCloseable prov = MDC.putCloseable("provider", provider)) {
            work.run();
        }
    }

    static final class UnexpectedEvent extends RuntimeException implements PermanentFailure {

        UnexpectedEvent(String message) {
            super(message);
        }

    }

}
