package com.aimedia.gateway.callback.signing;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.StringJoiner;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks symmetric signatures:
 * {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">}, keyed with the base64-decoded
 * part of a {@code whsec_} secret. Signs exactly the UTF-8 bytes of the body it is given,
 * which must be the bytes that are sent.
 */
public final class WebhookSigner {

    public static final String SECRET_PREFIX = "whsec_";

    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSigner() {
    }

    /**
     * The {@code webhook-signature} header value: one {@code v1} entry per secret, in the
     * given order, separated by a space (several secrets while a rotation overlaps).
     */
    public static String signatureHeader(List<String> secrets, String webhookId, long timestampSeconds, String body) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one signing secret is needed");
        }
        StringJoiner header = new StringJoiner(" ");
        for (String secret : secrets) {
            header.add(sign(secret, webhookId, timestampSeconds, body));
        }
        return header.toString();
    }

    /** One {@code v1,<signature>} entry. */
    public static String sign(String secret, String webhookId, long timestampSeconds, String body) {
        requireNoDot("webhook id", webhookId);
        byte[] content = (webhookId + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8);
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(decodeSecret(secret), ALGORITHM));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(content));
        }
        catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /**
     * The HMAC key of a {@code whsec_<base64>} secret (padding optional, as in the
     * official libraries).
     */
    static byte[] decodeSecret(String secret) {
        if (!secret.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("a signing secret must start with " + SECRET_PREFIX);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a signing secret must be whsec_ followed by base64", e);
        }
        if (key.length == 0) {
            throw new IllegalArgumentException("a signing secret must not be empty");
        }
        return key;
    }

    private static void requireNoDot(String what, String value) {
        if (value.isEmpty() || value.indexOf('.') >= 0) {
            throw new IllegalArgumentException(what + " must be non-empty and contain no '.'");
        }
    }

}
