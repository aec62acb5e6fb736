package com.aimedia.gateway.workers.provider.vidu;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import com.aimedia.gateway.workers.provider.spi.Credentials;

/**
 * How the gateway reaches Vidu. The key comes only from the environment
 * ({@code GATEWAY_PROVIDERS_VIDU_API_KEY}); without it the provider is unavailable.
 *
 * @param baseUrl the full API base including {@code /ent/v2} (international host by
 * default; the CN account's host, a proxy or a simulator otherwise)
 * @param apiKey the API token, sent as {@code Authorization: Token <key>}; also the key
 * of Vidu's callback signatures
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for one answer
 * @param callbackMaxAge how far a callback's {@code Date} may be from the gateway clock
 * before it is refused
 */
@Validated
@ConfigurationProperties("gateway.providers.vidu")
public record ViduProperties(@DefaultValue("https://api.vidu.com/ent/v2") @NotNull URI baseUrl, @Nullable String apiKey,
        @DefaultValue("5s") @NotNull Duration connectTimeout, @DefaultValue("30s") @NotNull Duration readTimeout,
        @DefaultValue("5m") @NotNull Duration callbackMaxAge) {

    public boolean hasCredentials() {
        return Credentials.present(apiKey);
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "ViduProperties[baseUrl=" + baseUrl + ", apiKey=" + (hasCredentials() ? "set" : "missing")
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }
}
