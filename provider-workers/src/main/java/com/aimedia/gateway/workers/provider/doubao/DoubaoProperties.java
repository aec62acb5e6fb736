package com.aimedia.gateway.workers.provider.doubao;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import com.aimedia.gateway.workers.provider.spi.Credentials;

/**
 * How the gateway reaches VolcEngine Ark for Doubao Seedance. The API key comes only from
 * the environment ({@code GATEWAY_PROVIDERS_DOUBAO_API_KEY}) and has no default.
 *
 * @param baseUrl the Ark base including {@code /api/v3} (Volcengine CN by default;
 * BytePlus is {@code https://ark.ap-southeast.bytepluses.com/api/v3}; keys are bound to
 * one of them)
 * @param apiKey the Ark API key, sent as {@code Authorization: Bearer}
 * @param connectTimeout how long to wait for a TCP/TLS connection
 * @param readTimeout how long to wait for an answer to one request
 */
@Validated
@ConfigurationProperties("gateway.providers.doubao")
public record DoubaoProperties(@DefaultValue("https://ark.cn-beijing.volces.com/api/v3") @NotNull URI baseUrl,
        @Nullable String apiKey, @DefaultValue("5s") @NotNull Duration connectTimeout,
        @DefaultValue("30s") @NotNull Duration readTimeout) {

    public boolean hasCredentials() {
        return Credentials.present(apiKey);
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "DoubaoProperties[baseUrl=" + baseUrl + ", apiKey=" + (hasCredentials() ? "set" : "missing")
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }
}
