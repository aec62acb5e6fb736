package com.aimedia.gateway.workers.provider.runway;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import com.aimedia.gateway.workers.provider.spi.Credentials;

/**
 * How the gateway reaches Runway. The API key comes only from the environment
 * ({@code GATEWAY_PROVIDERS_RUNWAY_API_KEY}) and has no default; without it the provider
 * is unavailable.
 *
 * @param baseUrl the API host (production by default; a simulator in tests)
 * @param apiKey the organization's API key ({@code Authorization: Bearer}; real keys look
 * like {@code key_} + hex)
 * @param apiVersion the {@code X-Runway-Version} header Runway requires on every call
 * (the SDK's default)
 * @param connectTimeout how long to wait for a TCP/TLS connection
 * @param readTimeout how long to wait for an answer to one request
 */
@Validated
@ConfigurationProperties("gateway.providers.runway")
public record RunwayProperties(@DefaultValue("https://api.dev.runwayml.com") @NotNull URI baseUrl,
        @Nullable String apiKey, @DefaultValue("2024-11-06") @NotBlank String apiVersion,
        @DefaultValue("5s") @NotNull Duration connectTimeout, @DefaultValue("30s") @NotNull Duration readTimeout) {

    public boolean hasCredentials() {
        return Credentials.present(apiKey);
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "RunwayProperties[baseUrl=" + baseUrl + ", credentials=" + (hasCredentials() ? "set" : "missing")
                + ", apiVersion=" + apiVersion + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + "]";
    }
}
