package com.aimedia.gateway.workers.urls;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where providers reach this service from outside, and the key that signs the provider
 * callback URLs it hands out. Without a base URL the gateway takes no provider callbacks
 * (output downloads are configured by {@code gateway.storage}).
 *
 * @param baseUrl the public base URL of provider-workers, e.g.
 * {@code https://files.gateway.example.com}
 * @param signingSecret HMAC key of those URLs, at least 32 characters; required with a
 * base URL
 * @param callbackUrlTtl how long a provider callback URL works after the task is
 * submitted: the longest a provider keeps a task (Doubao's
 * {@code execution_expires_after} allows 48 h); later callbacks get 404 and polling goes
 * on
 * @param callbackUrlTtls per provider id, where a provider's task lifetime is shorter,
 * e.g. {@code bfl: 1h}
 */
@Validated
@ConfigurationProperties("gateway.workers.public")
public record PublicUrlProperties(@Nullable URI baseUrl, @Nullable String signingSecret,
        @DefaultValue("48h") Duration callbackUrlTtl, @DefaultValue Map<String, Duration> callbackUrlTtls) {

    public PublicUrlProperties {
        if (callbackUrlTtl.isNegative() || callbackUrlTtl.isZero()
                || callbackUrlTtls.values().stream().anyMatch(ttl -> ttl.isNegative() || ttl.isZero())) {
            throw new IllegalArgumentException("gateway.workers.public.callback-url-ttl(s) must be positive");
        }
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
                + ", callbackUrlTtl=" + callbackUrlTtl + ", callbackUrlTtls=" + callbackUrlTtls + "]";
    }
}
