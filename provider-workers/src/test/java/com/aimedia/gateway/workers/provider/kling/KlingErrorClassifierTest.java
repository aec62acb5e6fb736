package com.aimedia.gateway.workers.provider.kling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import com.aimedia.gateway.workers.provider.spi.AuthenticationFailed;
import com.aimedia.gateway.workers.provider.spi.ContentRejected;
import com.aimedia.gateway.workers.provider.spi.ErrorCode;
import com.aimedia.gateway.workers.provider.spi.InsufficientCredits;
import com.aimedia.gateway.workers.provider.spi.InvalidRequest;
import com.aimedia.gateway.workers.provider.spi.NotFound;
import com.aimedia.gateway.workers.provider.spi.PermanentException;
import com.aimedia.gateway.workers.provider.spi.ProviderException;
import com.aimedia.gateway.workers.provider.spi.ProviderTimeout;
import com.aimedia.gateway.workers.provider.spi.ProviderUnavailable;
import com.aimedia.gateway.workers.provider.spi.RateLimited;
import com.aimedia.gateway.workers.provider.spi.RetryableException;

class KlingErrorClassifierTest {

    @ParameterizedTest
    @CsvSource({ "429, 1303, RateLimited", "429, 1302, RateLimited", "429, 1101, InsufficientCredits",
            "429, 1102, InsufficientCredits", "429, 1100, AuthenticationFailed", "401, 1000, AuthenticationFailed",
            "401, 1001, AuthenticationFailed", "401, 1002, AuthenticationFailed", "401, 1003, AuthenticationFailed",
            "401, 1004, AuthenticationFailed", "403, 1103, AuthenticationFailed", "429, 1304, AuthenticationFailed",
            "400, 1200, InvalidRequest", "400, 1201, InvalidRequest", "404, 1202, InvalidRequest",
            "404, 1203, NotFound", "400, 1300, ContentRejected", "400, 1301, ContentRejected",
            "500, 5000, ProviderUnavailable", "503, 5001, ProviderUnavailable", "504, 5002, ProviderTimeout",
            "200, 5000, ProviderUnavailable" })
    void should_classify_on_body_code_when_kling_answers_an_error(int http, int code, String expected) {
        ProviderException e = KlingErrorClassifier.classify(http, code, "provider says no", null);

        assertThat(e.getClass().getSimpleName()).isEqualTo(expected);
    }

    @Test
    void should_keep_billing_codes_permanent_when_http_status_is_429() {
        ProviderException arrears = KlingErrorClassifier.classify(429, 1101, "arrears", Duration.ofSeconds(5));
        ProviderException busy = KlingErrorClassifier.classify(429, 1303, "busy", Duration.ofSeconds(5));

        assertThat(arrears).isInstanceOf(PermanentException.class)
            .isInstanceOf(InsufficientCredits.class)
            .hasMessage("The provider account has insufficient credits.");
        assertThat(arrears.errorCode()).isEqualTo(ErrorCode.INSUFFICIENT_CREDITS);
        assertThat(busy).isInstanceOf(RetryableException.class);
        assertThat(((RateLimited) busy).retryAfter()).hasValue(Duration.ofSeconds(5));
    }

    @Test
    void should_give_users_actionable_messages_when_request_or_content_refused() {
        assertThat(KlingErrorClassifier.classify(400, 1201, "duration must be 5 or 10", null))
            .isInstanceOf(InvalidRequest.class)
            .hasMessage("Invalid parameter: duration must be 5 or 10");
        assertThat(KlingErrorClassifier.classify(400, 1301, "sensitive", null)).isInstanceOf(ContentRejected.class)
            .hasMessage("The provider rejected the prompt under its content policy.");
        assertThat(KlingErrorClassifier.classify(404, 1203, "model not found", null).errorCode())
            .isEqualTo(ErrorCode.NOT_FOUND);
    }

    @ParameterizedTest
    @CsvSource({ "429, RateLimited", "401, AuthenticationFailed", "403, AuthenticationFailed", "404, NotFound",
            "400, InvalidRequest", "502, ProviderUnavailable", "504, ProviderTimeout" })
    void should_fall_back_to_http_status_when_body_has_no_code(int http, String expected) {
        assertThat(KlingErrorClassifier.classify(http, null, "", null).getClass().getSimpleName()).isEqualTo(expected);
    }

    @Test
    void should_map_exception_families_to_error_codes() {
        assertThat(new AuthenticationFailed("x").errorCode()).isEqualTo(ErrorCode.PROVIDER_AUTH);
        assertThat(new NotFound("x").errorCode()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(new ProviderTimeout("x").errorCode()).isEqualTo(ErrorCode.PROVIDER_TIMEOUT);
        assertThat(new ProviderUnavailable("x").errorCode()).isEqualTo(ErrorCode.PROVIDER_ERROR);
        assertThat(new RateLimited("x", null).errorCode()).isEqualTo(ErrorCode.RATE_LIMITED);
    }

}
