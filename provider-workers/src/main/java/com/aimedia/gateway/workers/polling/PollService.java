package com.aimedia.gateway.workers.polling;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.aimedia.gateway.workers.limits.ProviderCalls;
import com.aimedia.gateway.workers.outputs.OutputPublisher;
import com.aimedia.gateway.workers.outputs.OutputRejectedException;
import com.aimedia.gateway.workers.outputs.OutputUnavailableException;
import com.aimedia.gateway.workers.provider.ProviderAdapterLookup;
import com.aimedia.gateway.workers.provider.spi.PermanentException;
import com.aimedia.gateway.workers.provider.spi.PollResult;
import com.aimedia.gateway.workers.provider.spi.ProviderAdapter;
import com.aimedia.gateway.workers.provider.spi.ProviderTaskRef;
import com.aimedia.gateway.workers.provider.spi.RetryableException;
import com.aimedia.gateway.workers.reporting.StatusReport;
import com.aimedia.gateway.workers.reporting.StatusReporter;

/**
 * Polls one provider task and reports PROGRESS (running), COMPLETED or FAILED; a task
 * still queued reports nothing. A retryable poll error is logged and dropped on purpose:
 * the orchestrator's durable schedule polls again, and a retry here would only delay
 * other tasks of this provider.
 */
public final class PollService {

    private static final Logger log = LoggerFactory.getLogger(PollService.class);

    private final ProviderAdapterLookup adapters;

    private final StatusReporter reporter;

    private final ProviderCalls calls;

    private final OutputPublisher outputs;

    PollService(ProviderAdapterLookup adapters, StatusReporter reporter, ProviderCalls calls, OutputPublisher outputs) {
        this.adapters = adapters;
        this.reporter = reporter;
        this.calls = calls;
        this.outputs = outputs;
    }

    public void on(PollTask task) {
        ProviderAdapter adapter = adapters.require(task.provider());
        ProviderTaskRef ref = new ProviderTaskRef(task.taskId(), task.providerTaskId(), task.providerRef());
        PollResult result;
        try {
            result = calls.poll(adapter.id(), () -> adapter.poll(ref));
        }
        catch (RetryableException e) {
            log.warn("provider poll failed, the next scheduled poll retries taskId={} provider={} attempt={} error={}",
                    ref.taskId(), adapter.id(), task.attempt(), e.getClass().getSimpleName());
            return;
        }
        catch (PermanentException e) {
            log.warn("provider poll failed permanently taskId={} provider={} errorCode={}", ref.taskId(), adapter.id(),
                    e.errorCode().wireValue());
            report(StatusReport.failed(ref.taskId(), task.provider(), ref.providerTaskId(), e.errorCode(),
                    e.getMessage()));
            return;
        }
        apply(task, ref, result);
    }

    private void apply(PollTask task, ProviderTaskRef ref, PollResult result) {
        String provider = task.provider();
        switch (result) {
            case PollResult.Pending pending when !pending.running() ->
                log.debug("provider task still queued taskId={} provider={}", ref.taskId(), provider);
            case PollResult.Pending pending ->
                report(StatusReport.progress(ref.taskId(), provider, ref.providerTaskId(), pending.progress()));
            case PollResult.Succeeded succeeded -> completed(ref, provider, succeeded);
            case PollResult.Failed failed -> report(
                    StatusReport.failed(ref.taskId(), provider, ref.providerTaskId(), failed.code(), failed.message()));
        }
    }

    private void completed(ProviderTaskRef ref, String provider, PollResult.Succeeded succeeded) {
        try {
            List<String> published = outputs.publish(ref.taskId(), provider, adapters.require(provider).outputHosts(),
                    succeeded.outputs());
            report(StatusReport.completed(ref.taskId(), provider, ref.providerTaskId(), ref.providerRef(), published));
        }
        catch (OutputRejectedException e) {
            // a refused location, too many or too large outputs, the daily byte limit: no
            // later poll changes that
            report(StatusReport.failed(ref.taskId(), provider, ref.providerTaskId(), e.code(), e.getMessage()));
        }
        catch (OutputUnavailableException e) {
            log.warn("provider outputs not fetched yet, the next scheduled poll retries taskId={} provider={} error={}",
                    ref.taskId(), provider, e.getMessage());
        }
    }

    private void report(StatusReport report) {
        log.info("provider task status reported taskId={} provider={} outcome={}", report.taskId(), report.provider(),
                report.outcome());
        reporter.report(report);
    }

}
