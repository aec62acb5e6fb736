package com.aimedia.gateway.workers.provider.jimeng;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.aimedia.gateway.simulators.jimeng.JimengSimulator;
import com.aimedia.gateway.workers.provider.spi.ContentRejected;
import com.aimedia.gateway.workers.provider.spi.ErrorCode;
import com.aimedia.gateway.workers.provider.spi.GenerationRequest;
import com.aimedia.gateway.workers.provider.spi.InsufficientCredits;
import com.aimedia.gateway.workers.provider.spi.InvalidRequest;
import com.aimedia.gateway.workers.provider.spi.NotFound;
import com.aimedia.gateway.workers.provider.spi.PollResult;
import com.aimedia.gateway.workers.provider.spi.ProviderNotConfigured;
import com.aimedia.gateway.workers.provider.spi.ProviderOutput;
import com.aimedia.gateway.workers.provider.spi.ProviderTaskRef;
import com.aimedia.gateway.workers.provider.spi.Submission;

import tools.jackson.databind.json.JsonMapper;

/**
 * Jimeng's quirks: base64 images, req_key on every poll, errors inside HTTP 200, unknown
 * tasks.
 */
class JimengAdapterTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private JimengSimulator simulator;

    private JimengAdapter adapter;

    @BeforeEach
    void start() {
        simulator = JimengSimulator.start(JimengSimulator.Config.defaults()
            .withCredentials("ak-q", "sk-q")
            .withTimings(Duration.ofMillis(50), Duration.ofMillis(100)));
        adapter = adapter("ak-q", "sk-q");
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private JimengAdapter adapter(String ak, String sk) {
        return new JimengAdapter(new JimengProperties(URI.create(simulator.baseUrl()), ak, sk, "cn-north-1", "cv",
                "2022-08-31", Duration.ofSeconds(1), Duration.ofSeconds(2)), json, Clock.systemUTC());
    }

    private GenerationRequest request(String reqKey, String input) {
        return new GenerationRequest("task_1", "m", reqKey, json.readTree(input));
    }

    private PollResult finish(ProviderTaskRef ref) {
        AtomicReference<PollResult> last = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(25)).until(() -> {
            last.set(adapter.poll(ref));
            return !(last.get() instanceof PollResult.Pending);
        });
        return last.get();
    }

    @Test
    void should_return_inline_png_when_image_model_answers_base64() {
        Submission submission = adapter.submit(request("jimeng_t2i_v40", "{\"prompt\":\"a fox\",\"width\":512}"));

        PollResult result = finish(
                new ProviderTaskRef("task_1", submission.providerTaskId(), submission.providerRef()));

        assertThat(submission.providerRef()).isEqualTo("jimeng_t2i_v40");
        assertThat(result).isInstanceOfSatisfying(PollResult.Succeeded.class,
                ok -> assertThat(ok.outputs()).singleElement()
                    .isInstanceOfSatisfying(ProviderOutput.Inline.class, inline -> {
                        assertThat(inline.contentType()).isEqualTo("image/png");
                        assertThat(inline.content()).isNotEmpty();
                    }));
    }

    @Test
    void should_send_req_key_and_input_fields_when_submitting() {
        adapter.submit(request("jimeng_i2v_first_v30",
                "{\"prompt\":\"runs\",\"image_urls\":[\"https://x/a.png\"]," + "\"frames\":121,\"seed\":-1}"));

        assertThat(json.readTree(simulator.submitBodies().getFirst())).isEqualTo(
                json.readTree("{\"req_key\":\"jimeng_i2v_first_v30\",\"prompt\":\"runs\",\"seed\":-1,\"frames\":121,"
                        + "\"image_urls\":[\"https://x/a.png\"]}"));
    }

    @Test
    void should_fail_not_found_when_provider_does_not_know_the_task() {
        PollResult result = adapter.poll(new ProviderTaskRef("task_1", "424242", "jimeng_vgfm_t2v_l20"));

        assertThat(result).isInstanceOfSatisfying(PollResult.Failed.class,
                failed -> assertThat(failed.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    @Test
    void should_throw_content_rejected_when_submit_answers_text_risk_inside_200() {
        assertThatThrownBy(
                () -> adapter.submit(request("jimeng_vgfm_t2v_l20", "{\"prompt\":\"[sim:reject-content]\"}")))
            .isInstanceOf(ContentRejected.class);
    }

    @Test
    void should_throw_insufficient_credits_when_account_is_overdue() {
        assertThatThrownBy(() -> adapter.submit(request("jimeng_vgfm_t2v_l20", "{\"prompt\":\"[sim:no-credits]\"}")))
            .isInstanceOf(InsufficientCredits.class)
            .hasMessageContaining("insufficient credits");
    }

    @Test
    void should_throw_not_found_when_req_key_is_unknown() {
        assertThatThrownBy(() -> adapter.submit(request("jimeng_unknown", "{\"prompt\":\"a\"}")))
            .isInstanceOf(NotFound.class);
    }

    @Test
    void should_throw_invalid_request_when_image_to_video_has_no_image() {
        assertThatThrownBy(() -> adapter.submit(request("jimeng_vgfm_i2v_l20", "{\"prompt\":\"a\"}")))
            .isInstanceOf(InvalidRequest.class)
            .hasMessageContaining("image_urls");
    }

    @Test
    void should_throw_not_configured_when_credentials_are_missing() {
        JimengAdapter unconfigured = adapter(null, null);

        assertThat(unconfigured.isConfigured()).isFalse();
        assertThatThrownBy(() -> unconfigured.submit(request("jimeng_vgfm_t2v_l20", "{\"prompt\":\"a\"}")))
            .isInstanceOf(ProviderNotConfigured.class);
    }

}
