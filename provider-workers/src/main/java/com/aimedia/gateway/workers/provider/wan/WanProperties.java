package com.aimedia.gateway.workers.provider.wan;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import com.aimedia.gateway.workers.provider.spi.Credentials;

/**
 * How the gateway reaches Alibaba DashScope for Wan. The API key comes only from the
 * environment ({@code GATEWAY_PROVIDERS_WAN_API_KEY}) and has no default. Keys are bound
 * to one region, so the base URL must match the key: Singapore (default)
 * {@code https://dashscope-intl.aliyuncs.com/api/v1}, Virginia
 * {@code https://dashscope-us.aliyuncs.com/api/v1}, Beijing
 * {@code https://dashscope.aliyuncs.com/api/v1}.
 *
 * @param baseUrl the DashScope base including {@code /api/v1}
 * @param apiKey the DashScope API key ({@code sk-...}), sent as
 * {@code Authorization: Bearer}
 * @param workspace an optional workspace id, sent as {@code X-DashScope-WorkSpace}
 * @param connectTimeout how long to wait for a TCP/TLS connection
 * @param readTimeout how long to wait for an answer to one request
 */
@Validated
@ConfigurationProperties("gateway.providers.wan")
public record WanProperties(@DefaultValue("https://dashscope-intl.aliyuncs.com/api/v1") @NotNull URI baseUrl,
        @Nullable String apiKey, @Nullable String workspace, @DefaultValue("5s") @NotNull Duration connectTimeout,
        @DefaultValue("30s") @NotNull Duration readTimeout) {

    public boolean hasCredentials() {
        return Credentials.present(apiKey);
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "WanProperties[baseUrl=" + baseUrl + ", apiKey=" + (hasCredentials() ? "set" : "missing")
                + ", workspace=" + (workspace == null ? "none" : workspace) + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + "]";
    }
}
