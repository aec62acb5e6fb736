package com.aimedia.gateway.callback.signing.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.aimedia.gateway.callback.auth.Tenant;
import com.aimedia.gateway.callback.signing.SigningProperties;
import com.aimedia.gateway.callback.signing.SigningSecrets;
import com.aimedia.gateway.callback.signing.SigningSecrets.ActiveSecret;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A tenant's webhook signing secret: fetch it (created on first use) and rotate it. */
@RestController
class SecretController {

    private final SigningSecrets secrets;

    private final SigningProperties properties;

    SecretController(SigningSecrets secrets, SigningProperties properties) {
        this.secrets = secrets;
        this.properties = properties;
    }

    /**
     * The current secret, and every older one still signing while a rotation overlaps.
     */
    @GetMapping(path = "/v1/webhooks/secret", produces = MediaType.APPLICATION_JSON_VALUE)
    SecretsJson get(Tenant tenant) {
        return SecretsJson.of(secrets.activeSecretDetails(tenant.id()));
    }

    /**
     * A new secret signs from now on; the older ones keep signing for the configured
     * overlap, then stop.
     */
    @PostMapping(path = "/v1/webhooks/secret/rotate", produces = MediaType.APPLICATION_JSON_VALUE)
    SecretsJson rotate(Tenant tenant) {
        secrets.rotate(tenant.id(), properties.rotationOverlap());
        return SecretsJson.of(secrets.activeSecretDetails(tenant.id()));
    }

    /**
     * @param secret the newest secret ({@code whsec_...}); verify with it
     * @param secrets every secret that signs now, newest first: each webhook carries one
     * {@code v1} signature per entry
     */
    record SecretsJson(String secret, List<SecretJson> secrets) {

        static SecretsJson of(List<ActiveSecret> active) {
            return new SecretsJson(active.getFirst().secret(),
                    active.stream()
                        .map(secret -> new SecretJson(secret.secret(), secret.createdAt().getEpochSecond(),
                                secret.expiresAt() == null ? null : secret.expiresAt().getEpochSecond()))
                        .toList());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SecretJson(String secret, @JsonProperty("created_at") long createdAt,
            @JsonProperty("expires_at") @Nullable Long expiresAt) {
    }

}
