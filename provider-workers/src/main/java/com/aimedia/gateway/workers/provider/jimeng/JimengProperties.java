package com.aimedia.gateway.workers.provider.jimeng;

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
 * How the gateway reaches the VolcEngine visual API for Jimeng. The AK/SK pair comes only
 * from the environment ({@code GATEWAY_PROVIDERS_JIMENG_ACCESS_KEY},
 * {@code GATEWAY_PROVIDERS_JIMENG_SECRET_KEY}) and has no default.
 *
 * @param baseUrl the API endpoint; requests go to
 * {@code <baseUrl>/?Action=...&Version=...}
 * @param accessKey the VolcEngine AccessKeyId (the {@code Credential} of the signature)
 * @param secretKey the VolcEngine SecretAccessKey (the signing key)
 * @param region the signing region ({@code cn-north-1} for the visual API)
 * @param service the signing service ({@code cv} for the visual API)
 * @param version the API {@code Version} query parameter
 * @param connectTimeout how long to wait for a TCP/TLS connection
 * @param readTimeout how long to wait for an answer to one request
 */
@Validated
@ConfigurationProperties("gateway.providers.jimeng")
public record JimengProperties(@DefaultValue("https://visual.volcengineapi.com") @NotNull URI baseUrl,
        @Nullable String accessKey, @Nullable String secretKey, @DefaultValue("cn-north-1") @NotBlank String region,
        @DefaultValue("cv") @NotBlank String service, @DefaultValue("2022-08-31") @NotBlank String version,
        @DefaultValue("5s") @NotNull Duration connectTimeout, @DefaultValue("30s") @NotNull Duration readTimeout) {

    public boolean hasCredentials() {
        return Credentials.present(accessKey, secretKey);
    }

    /** Never prints the keys. */
    @Override
    public String toString() {
        return "JimengProperties[baseUrl=" + baseUrl + ", credentials=" + (hasCredentials() ? "set" : "missing")
                + ", region=" + region + ", service=" + service + ", version=" + version + ", connectTimeout="
                + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }
}
