package com.aimedia.gateway.workers.urls;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where providers reach this service from outside, and the key that signs the provider callback URLs it hands out.
 * Without a base URL the gateway takes no provider callbacks (output downloads are configured by
 * {@code gateway.storage}).
 *
 * @param baseUrl the public base URL of provider-workers, e.g. {@code https://files.gateway.example.com}
 * @param signingSecret HMAC key of those URLs, at least 32 characters; required with a base URL
 */
@Validated
@ConfigurationProperties("gateway.workers.public")
public record PublicUrlProperties(@Nullable URI baseUrl, @Nullable String signingSecret) {

    public PublicUrlProperties {
        if (baseUrl != null) {
            if (!baseUrl.isAbsolute() || !("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme()))) {
                throw new IllegalArgumentException("gateway.workers.public.base-url must be an absolute http(s) URL");
            }
            if (signingSecret == null || signingSecret.length() < 32) {
                throw new IllegalArgumentException("gateway.workers.public.signing-secret must be set (at least 32 "
                        + "characters) when gateway.workers.public.base-url is set");
            }
        }
    }

    public boolean enabled() {
        return baseUrl != null;
    }

    @Override
    public String toString() {
        return "PublicUrlProperties[baseUrl=" + baseUrl + ", signingSecret=" + (signingSecret == null ? "unset" : "***")
                + "]";
    }
}
