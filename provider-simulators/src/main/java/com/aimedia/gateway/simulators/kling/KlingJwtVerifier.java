package com.aimedia.gateway.simulators.kling;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a Kling bearer token the way the API documents it: an HS256 JWT signed with the
 * account's secret key, {@code iss} = access key, {@code nbf} and {@code exp} in seconds.
 * Answers the documented codes: 1001 header empty, 1002 token invalid (malformed, wrong
 * algorithm), 1000 authentication failed (bad signature or unknown issuer), 1003 not yet
 * valid, 1004 expired. All with HTTP 401.
 */
final class KlingJwtVerifier {

    private static final Base64.Decoder URL_DECODER = Base64.getUrlDecoder();

    private final String accessKey;

    private final byte[] secretKey;

    private final Clock clock;

    private final JsonMapper json;

    KlingJwtVerifier(String accessKey, String secretKey, Clock clock, JsonMapper json) {
        this.accessKey = accessKey;
        this.secretKey = secretKey.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
        this.json = json;
    }

    /**
     * Returns normally when the header carries a valid token, else throws the documented
     * error answer.
     */
    void verify(@Nullable String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            throw new KlingError(401, 1001, "Authorization header is empty").answer();
        }
        if (!authorizationHeader.startsWith("Bearer ")) {
            throw invalid("Authorization must be 'Bearer <token>'");
        }
        String[] parts = authorizationHeader.substring("Bearer ".length()).trim().split("\\.", -1);
        if (parts.length != 3) {
            throw invalid("token is not a JWT");
        }
        JsonNode header = decodeJson(parts[0]);
        if (!"HS256".equals(header.path("alg").stringValue(null))) {
            throw invalid("token algorithm must be HS256");
        }
        byte[] expected = sign(parts[0] + "." + parts[1]);
        if (!MessageDigest.isEqual(expected, decode(parts[2]))) {
            throw new KlingError(401, 1000, "Authentication failed: signature does not match").answer();
        }
        checkClaims(decodeJson(parts[1]));
    }

    private void checkClaims(JsonNode claims) {
        if (!accessKey.equals(claims.path("iss").stringValue(null))) {
            throw new KlingError(401, 1000, "Authentication failed: unknown access key").answer();
        }
        JsonNode exp = claims.path("exp");
        JsonNode nbf = claims.path("nbf");
        if (!exp.isIntegralNumber() || !nbf.isIntegralNumber()) {
            throw invalid("token must carry numeric exp and nbf claims");
        }
        long now = clock.instant().getEpochSecond();
        if (now < nbf.asLong()) {
            throw new KlingError(401, 1003, "Token not yet valid").answer();
        }
        if (now >= exp.asLong()) {
            throw new KlingError(401, 1004, "Token expired").answer();
        }
    }

    private JsonNode decodeJson(String part) {
        try {
            JsonNode node = json.readTree(decode(part));
            if (node == null || !node.isObject()) {
                throw invalid("token segment is not a JSON object");
            }
            return node;
        }
        catch (JacksonException e) {
            throw invalid("token segment is not JSON");
        }
    }

    private static byte[] decode(String part) {
        try {
            return URL_DECODER.decode(part);
        }
        catch (IllegalArgumentException e) {
            throw invalid("token segment is not base64url");
        }
    }

    private byte[] sign(String signingInput) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretKey, "HmacSHA256"));
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static KlingError.Answer invalid(String why) {
        return new KlingError(401, 1002, "Token invalid: " + why).answer();
    }

}
