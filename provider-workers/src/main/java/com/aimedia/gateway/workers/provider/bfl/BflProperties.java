package com.aimedia.gateway.workers.provider.bfl;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import com.aimedia.gateway.workers.provider.spi.Credentials;

/**
 * How the gateway reaches Black Forest Labs. The key comes only from the environment
 * ({@code GATEWAY_PROVIDERS_BFL_API_KEY}) and has no default; without it the provider is
 * unavailable.
 *
 * @param baseUrl the API base including {@code /v1} (global host by default;
 * {@code https://api.eu.bfl.ai/v1} or {@code https://api.us.bfl.ai/v1} for a region)
 * @param apiKey the {@code x-key}
 * @param pollingHosts the hosts a returned {@code polling_url} may name and still receive
 * the key: {@code host}, {@code host:port} or {@code *.domain} (any subdomain). The base
 * URL's own origin is always trusted. A polling URL on any other host is never called;
 * the task is polled at {@code <baseUrl>/get_result?id=} instead.
 * @param webhookSecret when set, sent as {@code webhook_secret} and used to check
 * {@code X-BFL-Signature} on webhooks
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for one answer
 */
@Validated
@ConfigurationProperties("gateway.providers.bfl")
public record BflProperties(@DefaultValue("https://api.bfl.ai/v1") @NotNull URI baseUrl, @Nullable String apiKey,
        @DefaultValue("*.bfl.ai") @NotNull List<String> pollingHosts, @Nullable String webhookSecret,
        @DefaultValue("5s") @NotNull Duration connectTimeout, @DefaultValue("30s") @NotNull Duration readTimeout) {

    public boolean hasCredentials() {
        return Credentials.present(apiKey);
    }

    boolean hasWebhookSecret() {
        return webhookSecret != null && !webhookSecret.isBlank();
    }

    /** Never prints the key or the webhook secret. */
    @Override
    public String toString() {
        return "BflProperties[baseUrl=" + baseUrl + ", apiKey=" + (hasCredentials() ? "set" : "missing")
                + ", pollingHosts=" + pollingHosts + ", webhookSecret=" + (hasWebhookSecret() ? "set" : "none")
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }
}
