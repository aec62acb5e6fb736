package com.aimedia.gateway.callback.delivery;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How the callback-service delivers webhooks.
 *
 * @param retrySchedule delay before each retry, counted from the failed attempt before
 * it; one attempt more than there are entries, then the delivery is {@code failed} (after
 * Svix: 5s,5m,30m,2h,5h,10h,10h)
 * @param retryJitter a scheduled delay is drawn uniformly from
 * {@code delay * (1 +- jitter)}
 * @param minThrottleBackoff the least delay after a 429 or a timeout
 * @param maxBodySize a task body larger than this is never sent: the delivery fails with
 * reason {@code body_too_large}
 * @param endpointDisableAfter a URL to which every attempt has failed for this long is
 * disabled (Svix: 5 days); a 410 disables it at once
 * @param allowedNetworks CIDR blocks that callback URLs may reach although they are
 * private, loopback or reserved (empty: only public addresses)
 * @param dispatch the dispatcher loop
 * @param http the HTTP client
 */
@Validated
@ConfigurationProperties("gateway.callback")
public record CallbackProperties(
        @DefaultValue("5s,5m,30m,2h,5h,10h,10h") @NotEmpty List<@NotNull Duration> retrySchedule,
        @DefaultValue("0.2") @DecimalMin("0.0") @DecimalMax("0.9") double retryJitter,
        @DefaultValue("30s") @NotNull Duration minThrottleBackoff, @DefaultValue("256KB") @NotNull DataSize maxBodySize,
        @DefaultValue("5d") @NotNull Duration endpointDisableAfter,
        @DefaultValue List<@NotBlank String> allowedNetworks, @DefaultValue @Valid Dispatch dispatch,
        @DefaultValue @Valid Http http) {

    /**
     * @param tick how often the dispatcher looks for due deliveries
     * @param lease how long a claimed delivery stays {@code sending} without a renewal
     * before another dispatcher may take it back: the bound on how long a killed process
     * holds its deliveries (renewed every third of it while the attempt runs, so it may
     * be shorter than an attempt; at least three ticks)
     * @param maxConcurrent attempts in flight at once in this process
     * @param maxPerHost attempts in flight at once to one destination host
     * @param backlogRefresh how often the backlog gauge is recounted
     */
    public record Dispatch(@DefaultValue("200ms") @NotNull Duration tick, @DefaultValue("10s") @NotNull Duration lease,
            @DefaultValue("64") @Min(1) int maxConcurrent, @DefaultValue("4") @Min(1) int maxPerHost,
            @DefaultValue("5s") @NotNull Duration backlogRefresh) {
    }

    /**
     * @param connectTimeout TCP (and TLS) connect timeout
     * @param requestTimeout the whole attempt, from sending to the last byte of the
     * response headers
     * @param userAgent the {@code User-Agent} header of every webhook
     * @param responseBodyLimit how many bytes of each answer are read and kept in the
     * delivery log (Svix: 20,000)
     */
    public record Http(@DefaultValue("5s") @NotNull Duration connectTimeout,
            @DefaultValue("15s") @NotNull Duration requestTimeout,
            @DefaultValue("aimedia-gateway-webhooks/1.0") @NotBlank String userAgent,
            @DefaultValue("20000") @Min(0) int responseBodyLimit) {
    }

    public CallbackProperties {
        if (dispatch.lease().compareTo(dispatch.tick().multipliedBy(3)) < 0) {
            throw new IllegalArgumentException("gateway.callback.dispatch.lease must be at least three "
                    + "gateway.callback.dispatch.tick, or a lease could run out between two renewals");
        }
    }
}
