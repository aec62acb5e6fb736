package com.aimedia.gateway.workers.provider.kling;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import com.aimedia.gateway.workers.provider.spi.Credentials;

/**
 * How the gateway reaches Kling. The keys come only from the environment and have no
 * default; without both the provider is unavailable and its tasks fail at once with
 * {@code provider_unavailable}.
 *
 * @param baseUrl the API host (the global "new system" host by default; a simulator in
 * tests)
 * @param accessKey the account's AccessKey (the JWT {@code iss})
 * @param secretKey the account's SecretKey (the HS256 signing key)
 * @param connectTimeout how long to wait for a TCP/TLS connection
 * @param readTimeout how long to wait for an answer to one request
 */
@Validated
@ConfigurationProperties("gateway.providers.kling")
public record KlingProperties(@DefaultValue("https://api-singapore.klingai.com") @NotNull URI baseUrl,
        @Nullable String accessKey, @Nullable String secretKey, @DefaultValue("5s") @NotNull Duration connectTimeout,
        @DefaultValue("30s") @NotNull Duration readTimeout) {

    public boolean hasCredentials() {
        return Credentials.present(accessKey, secretKey);
    }

    /** Never prints the keys. */
    @Override
    public String toString() {
        return "KlingProperties[baseUrl=" + baseUrl + ", credentials=" + (hasCredentials() ? "set" : "missing")
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }
}
