package com.aimedia.gateway.workers.provider.http;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256, the one keyed hash every provider that signs uses: Kling's JWT,
 * VolcEngine's request signature, and the callback signatures of Replicate, Vidu and BFL.
 * Signatures are compared in constant time.
 */
public final class HmacSha256 {

    private static final String ALGORITHM = "HmacSHA256";

    private HmacSha256() {
    }

    /** The MAC of the parts, in order, as if they were one message. */
    public static byte[] sign(byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        }
        catch (GeneralSecurityException e) {
            // never include the key or the cause: the exception of a bad key could
            // describe it
            throw new IllegalStateException("could not compute " + ALGORITHM);
        }
    }

    /** The MAC of a UTF-8 text under a UTF-8 key (a secret as configured). */
    public static byte[] sign(String key, String text) {
        return sign(key.getBytes(StandardCharsets.UTF_8), text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Constant-time comparison, so a forger learns nothing from how long a refusal takes.
     */
    public static boolean same(byte[] expected, byte[] given) {
        return MessageDigest.isEqual(expected, given);
    }

}
