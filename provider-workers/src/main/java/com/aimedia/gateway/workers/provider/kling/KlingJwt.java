package com.aimedia.gateway.workers.provider.kling;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.aimedia.gateway.workers.provider.http.HmacSha256;

import tools.jackson.databind.json.JsonMapper;

/**
 * Mints the JWT Kling wants (docs/providers/kling.md): header
 * {@code {"alg":"HS256","typ":"JWT"}}, payload
 * {@code {"iss":<AK>,"exp":now+1800,"nbf":now-5}} as compact JSON in that key order,
 * HMAC-SHA256 with the secret key, base64url without padding. Minted per request, so
 * clock skew never outlives one call.
 */
final class KlingJwt {

    static final long LIFETIME_SECONDS = 1800;
    static final long NOT_BEFORE_SKEW_SECONDS = 5;

    private static final String HEADER = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final JsonMapper json;

    KlingJwt(JsonMapper json) {
        this.json = json;
    }

    String mint(String accessKey, String secretKey, Instant now) {
        long seconds = now.getEpochSecond();
        return mint(accessKey, secretKey, seconds + LIFETIME_SECONDS, seconds - NOT_BEFORE_SKEW_SECONDS);
    }

    String mint(String accessKey, String secretKey, long exp, long nbf) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", accessKey);
        claims.put("exp", exp);
        claims.put("nbf", nbf);
        String signingInput = encode(HEADER) + "." + encode(json.writeValueAsString(claims));
        return signingInput + "." + BASE64URL.encodeToString(HmacSha256.sign(secretKey, signingInput));
    }

    private static String encode(String jsonText) {
        return BASE64URL.encodeToString(jsonText.getBytes(StandardCharsets.UTF_8));
    }

}
