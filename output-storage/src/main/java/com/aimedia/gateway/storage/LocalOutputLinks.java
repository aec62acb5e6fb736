package com.aimedia.gateway.storage;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Links to provider-workers' file endpoint:
 * {@code <base>/files/<key>?expires=<unix s>&signature=<HMAC-SHA256>}. The signature
 * covers key and expiry, so neither can be changed.
 */
public final class LocalOutputLinks implements OutputLinks {

    public static final String PATH = "/files/";

    private static final String PURPOSE = "output";

    private final String baseUrl;

    private final SecretKeySpec secret;

    public LocalOutputLinks(URI baseUrl, String signingSecret) {
        this.baseUrl = baseUrl.toString().replaceAll("/+$", "");
        this.secret = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    @Override
    public String link(OutputKey key, LinkWindow window) {
        long expires = window.expiresAt().getEpochSecond();
        return baseUrl + PATH + key.value() + "?expires=" + expires + "&signature=" + sign(key.value(), expires);
    }

    /**
     * Constant-time, so a caller learns nothing from how long a wrong signature takes.
     */
    public Access check(String key, long expires, String signature, Instant now) {
        byte[] expected = sign(key, expires).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
            return Access.FORBIDDEN;
        }
        return now.isAfter(Instant.ofEpochSecond(expires)) ? Access.EXPIRED : Access.GRANTED;
    }

    private String sign(String key, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            byte[] digest = mac.doFinal((PURPOSE + "\n" + key + ":" + expires).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        }
        catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    public enum Access {

        GRANTED, EXPIRED, FORBIDDEN

    }

}
