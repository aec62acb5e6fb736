package com.aimedia.gateway.workers.callbacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;

import com.aimedia.gateway.workers.provider.spi.ProviderCallback;
import com.aimedia.gateway.workers.urls.ProviderCallbackUrls;
import com.aimedia.gateway.workers.urls.UrlSigner;

/**
 * The public callback endpoint under attack: large and endless bodies, forged and
 * replayed URLs. Nothing is read before the URL's signature and expiry check, and never
 * more than the limit.
 */
class ProviderCallbackControllerTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private static final int LIMIT = 1024;

    private static final UrlSigner SIGNER = new UrlSigner("a-signing-secret-of-at-least-32-chars");

    private final ProviderCallbacks callbacks = mock(ProviderCallbacks.class);

    private ProviderCallbackUrls urlsAt(Instant instant) {
        return new ProviderCallbackUrls(URI.create("https://gw.example.com"), SIGNER,
                Clock.fixed(instant, ZoneOffset.UTC), Duration.ofHours(48), Map.of());
    }

    private ProviderCallbackController controllerAt(Instant instant) {
        return new ProviderCallbackController(urlsAt(instant), callbacks,
                new CallbackProperties(DataSize.ofBytes(LIMIT)));
    }

    /**
     * A body of {@code length} bytes (endless with -1) that counts what the server reads
     * of it.
     */
    private static final class CountingRequest extends MockHttpServletRequest {

        final AtomicLong read = new AtomicLong();

        private final long length;

        private final long declaredLength;

        CountingRequest(String query, long length, long declaredLength) {
            super("POST", "/provider-callbacks/kling/task_1");
            setQueryString(query);
            this.length = length;
            this.declaredLength = declaredLength;
        }

        @Override
        public long getContentLengthLong() {
            return declaredLength;
        }

        @Override
        public ServletInputStream getInputStream() {
            InputStream source = new InputStream() {
                @Override
                public int read() {
                    if (length >= 0 && read.get() >= length) {
                        return -1;
                    }
                    read.incrementAndGet();
                    return 'x';
                }
            };
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return source.read();
                }

                @Override
                public boolean isFinished() {
                    return false;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                }
            };
        }

    }

    private String validQuery() {
        return urlsAt(NOW).forTask("kling", "task_1").orElseThrow().getRawQuery();
    }

    private ResponseEntity<String> post(ProviderCallbackController controller, CountingRequest request) {
        return controller.receive("kling", "task_1", new HttpHeaders(), request);
    }

    @Test
    void should_answer_404_without_reading_a_huge_body_when_the_signature_is_forged() {
        CountingRequest request = new CountingRequest(validQuery().replace("signature=", "signature=x"), -1,
                10_000_000_000L);

        ResponseEntity<String> response = post(controllerAt(NOW), request);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(request.read).hasValue(0);
        verifyNoInteractions(callbacks);
    }

    @Test
    void should_answer_404_without_reading_when_the_url_has_no_signature() {
        CountingRequest request = new CountingRequest(null, -1, -1);

        assertThat(post(controllerAt(NOW), request).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(request.read).hasValue(0);
    }

    @Test
    void should_answer_410_without_reading_when_a_callback_is_replayed_after_its_url_expired() {
        CountingRequest request = new CountingRequest(validQuery(), 100, 100);

        ResponseEntity<String> response = post(controllerAt(NOW.plus(Duration.ofDays(3))), request);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(request.read).hasValue(0);
        verifyNoInteractions(callbacks);
    }

    @Test
    void should_refuse_a_declared_oversized_body_before_reading_it() {
        CountingRequest request = new CountingRequest(validQuery(), LIMIT + 1, LIMIT + 1);

        assertThat(post(controllerAt(NOW), request).getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(request.read).hasValue(0);
        verifyNoInteractions(callbacks);
    }

    @Test
    void should_stop_reading_an_endless_chunked_body_one_byte_past_the_limit() {
        CountingRequest request = new CountingRequest(validQuery(), -1, -1);

        assertThat(post(controllerAt(NOW), request).getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(request.read.get()).isEqualTo(LIMIT + 1);
        verifyNoInteractions(callbacks);
    }

    @Test
    void should_hand_a_valid_callback_with_its_body_and_target_on_as_an_event() {
        String query = validQuery();
        CountingRequest request = new CountingRequest(query, 10, -1);
        when(callbacks.receive(eq("kling"), any())).thenReturn(new ProviderCallbacks.Outcome.Triggered());

        ResponseEntity<String> response = post(controllerAt(NOW), request);

        // 200 exactly: Luma and MiniMax send a callback again on any other answer
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        ArgumentCaptor<ProviderCallback> callback = ArgumentCaptor.forClass(ProviderCallback.class);
        verify(callbacks).receive(eq("kling"), callback.capture());
        assertThat(callback.getValue().body()).hasSize(10);
        assertThat(callback.getValue().target()).isEqualTo("/provider-callbacks/kling/task_1?" + query);
    }

}
