package com.aimedia.gateway.simulators.kling;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Mints Kling JWTs for tests, exactly as docs/providers/kling.md describes. */
final class TestTokens {

    private TestTokens() {
    }

    static String mint(String accessKey, String secretKey, long exp, long nbf) {
        return mint("{\"alg\":\"HS256\",\"typ\":\"JWT\"}",
                "{\"iss\":\"" + accessKey + "\",\"exp\":" + exp + ",\"nbf\":" + nbf + "}", secretKey);
    }

    static String mint(String headerJson, String payloadJson, String secretKey) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        String input = encoder.encodeToString(headerJson.getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return input + "." + encoder.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
