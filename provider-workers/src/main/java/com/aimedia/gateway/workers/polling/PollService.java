package com.aimedia.gateway.workers.submission;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.aimedia.gateway.schemas.v1.PollRequested;
import com.aimedia.gateway.workers.outputs.OutputPublisher;
import com.aimedia.gateway.workers.outputs.OutputRejectedException;
import com.aimedia.gateway.workers.outputs.OutputUnavailableException;
import com.aimedia.gateway.workers.provider.spi.PermanentException;
import com.aimedia.gateway.workers.provider.spi.PollResult;
import com.aimedia.gateway.workers.provider.spi.ProviderAdapter;
import com.aimedia.gateway.workers.provider.spi.ProviderTaskRef;
import com.aimedia.gateway.workers.provider.spi.RetryableException;

/**
 * Polls one provider task and reports PROGRESS (running), COMPLETED or FAILED; a task still queued reports nothing.
 * A retryable poll error is logged and dropped on purpose: the orchestrator's durable schedule polls again, and a
 * retry here would only delay other tasks of this provider.
 */
final class PollService {

    private static final Logger log = LoggerFactory.getLogger(PollService.class);

    private final ProviderAdapterLookup adapters;
    private final StatusReporter reporter;
    private final StatusReports reports;
    private final ProviderCalls calls;
    private final OutputPublisher outputs;

    PollService(ProviderAdapterLookup adapters, StatusReporter reporter, ProviderCalls calls, Clock clock,
            OutputPublisher outputs) {
        this.adapters = adapters;
        this.reporter = reporter;
        this.reports = new StatusReports(clock);
        this.calls = calls;
        this.outputs = outputs;
    }

    void on(PollRequested event) {
        ProviderAdapter adapter = adapters.require(event.getProvider());
        ProviderTaskRef ref = new ProviderTaskRef(event.getTaskId(), event.getProviderTaskId(), event.getProviderRef());
        PollResult result;
        try {
            result = calls.poll(adapter.id(), () -> adapter.poll(ref));
        }
        catch (RetryableException e) {
            log.warn("provider poll failed, the next scheduled poll retries taskId={} provider={} attempt={} error={}",
                    ref.taskId(), adapter.id(), event.getAttempt(), e.getClass().getSimpleName());
            return;
        }
        catch (PermanentException e) {
            log.warn("provider poll failed permanently taskId={} provider={} errorCode={}", ref.taskId(), adapter.id(),
                    e.errorCode().wireValue());
            report(reports.failed(ref.taskId(), event.getProvider(), ref.providerTaskId(), e.errorCode(), e.getMessage()));
            return;
        }
        apply(event, ref, result);
    }

    private void apply(PollRequested event, ProviderTaskRef ref, PollResult result) {
        String provider = event.getProvider();
        switch (result) {
            case PollResult.Pending pending when !pending.running() ->
                log.debug("provider task still queued taskId={} provider={}", ref.taskId(), provider);
            case PollResult.Pending pending ->
                report(reports.progress(ref.taskId(), provider, ref.providerTaskId(), pending.progress()));
            case PollResult.Succeeded succeeded -> completed(ref, provider, succeeded);
            case PollResult.Failed failed ->
                report(reports.failed(ref.taskId(), provider, ref.providerTaskId(), failed.code(), failed.message()));
        }
    }

    private void completed(ProviderTaskRef ref, String provider, PollResult.Succeeded succeeded) {
        try {
            List<String> published = outputs.publish(ref.taskId(), provider, adapters.require(provider).outputHosts(),
                    succeeded.outputs());
            report(reports.completed(ref.taskId(), provider, ref.providerTaskId(), ref.providerRef(), published));
        }
        catch (OutputRejectedException e) {
            // a refused location, too many or too large outputs, the daily byte limit: no later poll changes that
            report(reports.failed(ref.taskId(), provider, ref.providerTaskId(), e.code(), e.getMessage()));
        }
        catch (OutputUnavailableException e) {
            log.warn("provider outputs not fetched yet, the next scheduled poll retries taskId={} provider={} error={}",
                    ref.taskId(), provider, e.getMessage());
        }
    }

    private void report(com.aimedia.gateway.schemas.v1.TaskStatusReported report) {
        log.info("provider task status reported taskId={} provider={} outcome={}", report.getTaskId(),
                report.getProvider(), report.getOutcome());
        reporter.report(report);
    }
}
