package com.aimedia.gateway.workers.provider.minimax;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import com.aimedia.gateway.workers.provider.spi.Credentials;

/**
 * How the gateway reaches MiniMax. The key comes only from the environment
 * ({@code GATEWAY_PROVIDERS_MINIMAX_API_KEY}); keys are bound to one region, so a
 * mainland account sets {@code base-url: https://api.minimaxi.com}.
 *
 * @param baseUrl the API host (international by default); paths start with {@code /v1}
 * @param apiKey sent as {@code Authorization: Bearer <key>}
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for one answer
 */
@Validated
@ConfigurationProperties("gateway.providers.minimax")
public record MiniMaxProperties(@DefaultValue("https://api.minimax.io") @NotNull URI baseUrl, @Nullable String apiKey,
        @DefaultValue("5s") @NotNull Duration connectTimeout, @DefaultValue("30s") @NotNull Duration readTimeout) {

    public boolean hasCredentials() {
        return Credentials.present(apiKey);
    }

    @Override
    public String toString() {
        return "MiniMaxProperties[baseUrl=" + baseUrl + ", apiKey=" + (hasCredentials() ? "set" : "missing")
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }
}
