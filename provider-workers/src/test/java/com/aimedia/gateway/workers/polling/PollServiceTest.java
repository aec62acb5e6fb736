package com.aimedia.gateway.workers.polling;

import com.aimedia.gateway.workers.provider.spi.FakeAdapter;

import com.aimedia.gateway.workers.outputs.OutputPublisher;
import com.aimedia.gateway.workers.outputs.OutputRejectedException;
import com.aimedia.gateway.workers.outputs.OutputUnavailableException;
import com.aimedia.gateway.workers.outputs.PassThroughOutputs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import com.aimedia.gateway.workers.reporting.StatusReport;
import com.aimedia.gateway.workers.provider.ProviderAdapterLookup;
import com.aimedia.gateway.workers.limits.TestGuards;
import com.aimedia.gateway.workers.provider.spi.NotFound;
import com.aimedia.gateway.workers.provider.spi.PollResult;
import com.aimedia.gateway.workers.provider.spi.ProviderAdapter;
import com.aimedia.gateway.workers.provider.spi.ProviderRegistry;
import com.aimedia.gateway.workers.provider.spi.RateLimited;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class PollServiceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T12:00:00Z"), ZoneOffset.UTC);

    private final List<StatusReport> reports = new ArrayList<>();

    private void poll(Supplier<PollResult> answer) {
        poll(answer, new PassThroughOutputs());
    }

    private void poll(Supplier<PollResult> answer, OutputPublisher outputs) {
        ProviderAdapter adapter = new FakeAdapter("fake", answer);
        new PollService(new ProviderAdapterLookup(new ProviderRegistry(List.of(adapter))), reports::add,
                TestGuards.calls(CLOCK, new SimpleMeterRegistry()), outputs)
            .on(new PollTask("task_1", "fake", "p-1", "text2video", 1));
    }

    @Test
    void should_report_nothing_when_task_still_queued() {
        poll(PollResult.Pending::inQueue);

        assertThat(reports).isEmpty();
    }

    @Test
    void should_report_progress_when_provider_runs_the_task() {
        poll(() -> new PollResult.Pending(true, 40));

        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(StatusReport.Outcome.PROGRESS);
            assertThat(r.progress()).isEqualTo(40);
        });
    }

    @Test
    void should_report_completed_with_outputs_when_provider_succeeded() {
        poll(() -> PollResult.Succeeded.urls(List.of(URI.create("https://cdn/x.mp4"))));

        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(StatusReport.Outcome.COMPLETED);
            assertThat(r.outputs()).containsExactly("https://cdn/x.mp4");
            assertThat(r.providerTaskId()).isEqualTo("p-1");
        });
    }

    @Test
    void should_report_failed_when_the_outputs_are_refused_by_the_download_policy() {
        poll(() -> PollResult.Succeeded.urls(List.of(URI.create("http://169.254.169.254/latest/meta-data/"))),
                (taskId, provider, hosts, outputs) -> {
                    throw new OutputRejectedException("refused location");
                });

        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(StatusReport.Outcome.FAILED);
            assertThat(r.errorMessage()).isEqualTo("refused location");
        });
    }

    @Test
    void should_report_nothing_when_the_outputs_cannot_be_fetched_yet() {
        poll(() -> PollResult.Succeeded.urls(List.of(URI.create("https://cdn/x.mp4"))),
                (taskId, provider, hosts, outputs) -> {
                    throw new OutputUnavailableException("later");
                });

        assertThat(reports).isEmpty();
    }

    @Test
    void should_report_nothing_when_poll_fails_retryably() {
        poll(() -> {
            throw new RateLimited("busy", null);
        });

        assertThat(reports).isEmpty();
    }

    @Test
    void should_report_failed_when_poll_fails_permanently() {
        poll(() -> {
            throw new NotFound("The provider could not find the requested resource: task");
        });

        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(StatusReport.Outcome.FAILED);
            assertThat(r.errorCode()).isEqualTo("not_found");
        });
    }

}
