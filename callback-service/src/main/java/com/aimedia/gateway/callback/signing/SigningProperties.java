package com.aimedia.gateway.callback.signing;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param rotationOverlap after a rotation the previous secret keeps signing this long, so
 * every webhook carries two signatures while receivers switch to the new secret
 * @param encryptionKey the key-encryption key that seals webhook secrets at rest (base64
 * of 32 random bytes, from the environment only:
 * {@code GATEWAY_CALLBACK_SIGNING_ENCRYPTION_KEY}); unset = stored unencrypted, with a
 * warning at start-up
 * @param encryptionKeyId the id stored with each sealed secret, naming
 * {@code encryptionKey}; change it when the key changes
 * @param previousEncryptionKeys older keys by id, still needed to open secrets sealed
 * before a key rotation (each rotation of a tenant's secret re-seals its secrets with the
 * current key)
 */
@Validated
@ConfigurationProperties("gateway.callback.signing")
public record SigningProperties(@DefaultValue("24h") @NotNull Duration rotationOverlap, @Nullable String encryptionKey,
        @DefaultValue("k1") @NotBlank String encryptionKeyId,
        @DefaultValue Map<String, String> previousEncryptionKeys) {

    /**
     * The cipher these settings describe; fails start-up with the offending key id when a
     * key is malformed.
     */
    public SecretCipher cipher() {
        if (encryptionKey == null || encryptionKey.isBlank()) {
            return SecretCipher.plaintext();
        }
        Map<String, String> keys = new HashMap<>(previousEncryptionKeys);
        keys.put(encryptionKeyId, encryptionKey);
        return SecretCipher.of(encryptionKeyId, keys);
    }

    /** Never prints a key. */
    @Override
    public String toString() {
        return "SigningProperties[rotationOverlap=" + rotationOverlap + ", encryptionKey="
                + (encryptionKey == null || encryptionKey.isBlank() ? "unset" : "set") + ", encryptionKeyId="
                + encryptionKeyId + ", previousEncryptionKeys=" + previousEncryptionKeys.keySet() + "]";
    }
}
