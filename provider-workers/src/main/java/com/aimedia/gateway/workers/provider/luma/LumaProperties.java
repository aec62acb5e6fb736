package com.aimedia.gateway.workers.provider.luma;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import com.aimedia.gateway.workers.provider.spi.Credentials;

/**
 * How the gateway reaches Luma. The API key comes only from the environment
 * ({@code GATEWAY_PROVIDERS_LUMA_API_KEY}) and has no default; without it the provider is
 * unavailable.
 *
 * @param baseUrl the full API base including the path prefix (the SDK default by default;
 * a simulator in tests)
 * @param apiKey the account's API key (sent as {@code Authorization: Bearer}; real keys
 * start {@code luma-})
 * @param connectTimeout how long to wait for a TCP/TLS connection
 * @param readTimeout how long to wait for an answer to one request (a {@code sync} image
 * request waits for the image)
 */
@Validated
@ConfigurationProperties("gateway.providers.luma")
public record LumaProperties(@DefaultValue("https://api.lumalabs.ai/dream-machine/v1") @NotNull URI baseUrl,
        @Nullable String apiKey, @DefaultValue("5s") @NotNull Duration connectTimeout,
        @DefaultValue("60s") @NotNull Duration readTimeout) {

    public boolean hasCredentials() {
        return Credentials.present(apiKey);
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "LumaProperties[baseUrl=" + baseUrl + ", credentials=" + (hasCredentials() ? "set" : "missing")
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }
}
