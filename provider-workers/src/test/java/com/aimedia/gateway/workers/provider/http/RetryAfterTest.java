package com.aimedia.gateway.workers.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.net.ssl.SSLSession;

import org.junit.jupiter.api.Test;

/**
 * Pins the three readings apart: folding them into one would change some provider's retry
 * timing.
 */
class RetryAfterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void secondsOrDateReadsSecondsAndHttpDates() {
        assertThat(RetryAfter.secondsOrDate(with(" 7 "), CLOCK)).isEqualTo(Duration.ofSeconds(7));
        assertThat(RetryAfter.secondsOrDate(with("-3"), CLOCK)).isEqualTo(Duration.ZERO);
        assertThat(RetryAfter.secondsOrDate(with("Thu, 01 Jan 2026 00:00:30 GMT"), CLOCK))
            .isEqualTo(Duration.ofSeconds(30));
        assertThat(RetryAfter.secondsOrDate(with("Wed, 31 Dec 2025 00:00:00 GMT"), CLOCK)).isEqualTo(Duration.ZERO);
        assertThat(RetryAfter.secondsOrDate(with("soon"), CLOCK)).isNull();
        assertThat(RetryAfter.secondsOrDate(with(null), CLOCK)).isNull();
    }

    @Test
    void secondsIgnoresDatesAndClampsNegatives() {
        assertThat(RetryAfter.seconds(with("12"))).isEqualTo(Duration.ofSeconds(12));
        assertThat(RetryAfter.seconds(with("+5"))).isEqualTo(Duration.ofSeconds(5));
        assertThat(RetryAfter.seconds(with("-3"))).isEqualTo(Duration.ZERO);
        assertThat(RetryAfter.seconds(with("Thu, 01 Jan 2026 00:00:30 GMT"))).isNull();
        assertThat(RetryAfter.seconds(with(null))).isNull();
    }

    @Test
    void digitsTakesOnlyPlainDigits() {
        assertThat(RetryAfter.digits(with(" 12 "))).isEqualTo(Duration.ofSeconds(12));
        assertThat(RetryAfter.digits(with("+5"))).isNull();
        assertThat(RetryAfter.digits(with("-3"))).isNull();
        assertThat(RetryAfter.digits(with("1234567890"))).isNull();
        assertThat(RetryAfter.digits(with(null))).isNull();
    }

    @Test
    void secretsAreMaskedWhenConfigured() {
        assertThat(Secrets.scrub("bad key sk-1 and ak-2", "sk-1", null, " ", "ak-2")).isEqualTo("bad key *** and ***");
        assertThat(Secrets.scrub("nothing to hide", (String) null)).isEqualTo("nothing to hide");
    }

    private static HttpResponse<byte[]> with(String retryAfter) {
        HttpHeaders headers = HttpHeaders.of(retryAfter == null ? Map.of() : Map.of("Retry-After", List.of(retryAfter)),
                (name, value) -> true);
        return new HttpResponse<>() {
            public int statusCode() {
                return 429;
            }

            public HttpRequest request() {
                return HttpRequest.newBuilder(URI.create("http://localhost/")).build();
            }

            public Optional<HttpResponse<byte[]>> previousResponse() {
                return Optional.empty();
            }

            public HttpHeaders headers() {
                return headers;
            }

            public byte[] body() {
                return new byte[0];
            }

            public Optional<SSLSession> sslSession() {
                return Optional.empty();
            }

            public URI uri() {
                return request().uri();
            }

            public HttpClient.Version version() {
                return HttpClient.Version.HTTP_1_1;
            }
        };
    }

}
