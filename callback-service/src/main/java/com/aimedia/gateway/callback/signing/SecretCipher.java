package com.aimedia.gateway.callback.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * Envelope encryption of webhook secrets at rest. Each secret gets its own random 256-bit
 * data key; the secret is sealed with AES-GCM under that data key, bound to its tenant
 * (associated data), and the data key is sealed with AES-GCM under the configured
 * key-encryption key, whose id is stored alongside. A copy of the database alone
 * therefore reveals no secret, a sealed secret moved to another tenant does not open, and
 * the key-encryption key can be rotated: entries name the key they were sealed with, and
 * older keys stay configured to open them.
 *
 * <p>
 * Without a configured key, secrets are stored as they are (the service warns at
 * start-up).
 */
public final class SecretCipher {

    private static final String AES_GCM = "AES/GCM/NoPadding";

    private static final int IV_BYTES = 12;

    private static final int TAG_BITS = 128;

    private static final int KEY_BYTES = 32;

    private final @Nullable String activeKeyId;

    private final Map<String, SecretKeySpec> keys;

    private final SecureRandom random = new SecureRandom();

    private SecretCipher(@Nullable String activeKeyId, Map<String, SecretKeySpec> keys) {
        this.activeKeyId = activeKeyId;
        this.keys = keys;
    }

    /** No encryption: secrets are stored as they are. */
    public static SecretCipher plaintext() {
        return new SecretCipher(null, Map.of());
    }

    /**
     * @param activeKeyId the id of the key that seals new entries
     * @param keys every key-encryption key by id (base64 of 32 bytes), the active one and
     * older ones still opening entries sealed before a rotation
     * @throws IllegalArgumentException naming the key id that is missing or malformed
     */
    public static SecretCipher of(String activeKeyId, Map<String, String> keys) {
        if (!keys.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("no encryption key with id '" + activeKeyId + "' is configured");
        }
        Map<String, SecretKeySpec> specs = new java.util.HashMap<>();
        keys.forEach((id, base64) -> specs.put(id, keySpec(id, base64)));
        return new SecretCipher(activeKeyId, Map.copyOf(specs));
    }

    public boolean encrypts() {
        return activeKeyId != null;
    }

    /**
     * The stored form of one secret: {@code {kid, dek, secret_ct}} sealed, or
     * {@code {secret}} without a key.
     */
    Document seal(String tenantId, String secret) {
        if (activeKeyId == null) {
            return new Document("secret", secret);
        }
        byte[] dataKey = new byte[KEY_BYTES];
        random.nextBytes(dataKey);
        // the constructor checked that the active key is one of the keys
        byte[] wrapped = encrypt(Objects.requireNonNull(keys.get(activeKeyId)), dataKey,
                activeKeyId.getBytes(StandardCharsets.UTF_8));
        byte[] sealed = encrypt(new SecretKeySpec(dataKey, "AES"), secret.getBytes(StandardCharsets.UTF_8),
                tenantId.getBytes(StandardCharsets.UTF_8));
        Base64.Encoder base64 = Base64.getEncoder();
        return new Document("kid", activeKeyId).append("dek", base64.encodeToString(wrapped))
            .append("secret_ct", base64.encodeToString(sealed));
    }

    /**
     * Opens an entry written by {@link #seal}, in either form (entries stored before a
     * key was configured).
     */
    String open(String tenantId, Document entry) {
        String plain = entry.getString("secret");
        if (plain != null) {
            return plain;
        }
        String keyId = entry.getString("kid");
        SecretKeySpec key = keyId == null ? null : keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("webhook secret of tenant " + tenantId + " is sealed with key '" + keyId
                    + "', which is not configured (gateway.callback.signing.encryption-keys)");
        }
        Base64.Decoder base64 = Base64.getDecoder();
        byte[] dataKey = decrypt(key, base64.decode(entry.getString("dek")), keyId.getBytes(StandardCharsets.UTF_8));
        byte[] secret = decrypt(new SecretKeySpec(dataKey, "AES"), base64.decode(entry.getString("secret_ct")),
                tenantId.getBytes(StandardCharsets.UTF_8));
        return new String(secret, StandardCharsets.UTF_8);
    }

    private byte[] encrypt(SecretKeySpec key, byte[] plain, byte[] associatedData) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(AES_GCM);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(plain);
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return out;
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static byte[] decrypt(SecretKeySpec key, byte[] sealed, byte[] associatedData) {
        try {
            Cipher cipher = Cipher.getInstance(AES_GCM);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        }
        catch (GeneralSecurityException e) {
            // never the key or the ciphertext in the message
            throw new IllegalStateException(
                    "a stored webhook secret does not open with its key (tampered or wrong key)");
        }
    }

    private static SecretKeySpec keySpec(String id, String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("encryption key '" + id + "' is not base64");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("encryption key '" + id
                    + "' must be 32 bytes (base64 of 32 random bytes, " + "e.g. openssl rand -base64 32)");
        }
        return new SecretKeySpec(key, "AES");
    }

}
