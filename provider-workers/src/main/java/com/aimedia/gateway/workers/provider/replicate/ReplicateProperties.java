package com.aimedia.gateway.workers.provider.replicate;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import com.aimedia.gateway.workers.provider.spi.Credentials;

/**
 * How the gateway reaches Replicate. Token and webhook secret come only from the
 * environment ({@code GATEWAY_PROVIDERS_REPLICATE_API_TOKEN},
 * {@code GATEWAY_PROVIDERS_REPLICATE_WEBHOOK_SECRET}).
 *
 * @param baseUrl the API base including {@code /v1}
 * @param apiToken the API token ({@code Authorization: Bearer})
 * @param webhookSecret the account's webhook signing secret ({@code whsec_...}, from
 * {@code GET /v1/webhooks/default/secret}); when set, webhooks must carry a valid
 * Standard Webhooks signature
 * @param syncWait {@code Prefer: wait=N} on create (0 = off, max 60 s): a prediction that
 * finishes in time completes the task at submit; otherwise it is polled as usual. Off by
 * default because it holds a worker thread.
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for one answer (a create waits {@code syncWait}
 * longer)
 */
@Validated
@ConfigurationProperties("gateway.providers.replicate")
public record ReplicateProperties(@DefaultValue("https://api.replicate.com/v1") @NotNull URI baseUrl,
        @Nullable String apiToken, @Nullable String webhookSecret, @DefaultValue("0s") @NotNull Duration syncWait,
        @DefaultValue("5s") @NotNull Duration connectTimeout, @DefaultValue("30s") @NotNull Duration readTimeout) {

    public boolean hasCredentials() {
        return Credentials.present(apiToken);
    }

    boolean hasWebhookSecret() {
        return webhookSecret != null && !webhookSecret.isBlank();
    }

    /** Whole seconds of {@code Prefer: wait}, clamped to Replicate's 1-60; 0 when off. */
    long syncWaitSeconds() {
        long seconds = syncWait.toSeconds();
        return seconds <= 0 ? 0 : Math.min(60, seconds);
    }

    @Override
    public String toString() {
        return "ReplicateProperties[baseUrl=" + baseUrl + ", apiToken=" + (hasCredentials() ? "set" : "missing")
                + ", webhookSecret=" + (hasWebhookSecret() ? "set" : "none") + ", syncWait=" + syncWait
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }
}
