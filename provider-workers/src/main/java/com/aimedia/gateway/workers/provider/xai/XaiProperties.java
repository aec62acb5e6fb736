package com.aimedia.gateway.workers.provider.xai;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import com.aimedia.gateway.workers.provider.spi.Credentials;

/**
 * How the gateway reaches xAI. The key comes only from the environment
 * ({@code GATEWAY_PROVIDERS_XAI_API_KEY}).
 *
 * @param baseUrl the API base including {@code /v1}
 * @param apiKey the API key ({@code Authorization: Bearer})
 * @param imageResponseFormat {@code url} (default; the worker downloads the JPG) or
 * {@code b64_json} (the image comes inline in the answer); an input's own
 * {@code response_format} wins
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for one answer; image generation answers only when
 * the images are done
 */
@Validated
@ConfigurationProperties("gateway.providers.xai")
public record XaiProperties(@DefaultValue("https://api.x.ai/v1") @NotNull URI baseUrl, @Nullable String apiKey,
        @DefaultValue("url") @NotNull @Pattern(regexp = "url|b64_json") String imageResponseFormat,
        @DefaultValue("5s") @NotNull Duration connectTimeout, @DefaultValue("120s") @NotNull Duration readTimeout) {

    public boolean hasCredentials() {
        return Credentials.present(apiKey);
    }

    @Override
    public String toString() {
        return "XaiProperties[baseUrl=" + baseUrl + ", apiKey=" + (hasCredentials() ? "set" : "missing")
                + ", imageResponseFormat=" + imageResponseFormat + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + "]";
    }
}
