package com.aimedia.gateway.workers.provider.bfl;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import com.aimedia.gateway.workers.provider.http.HmacSha256;
import com.aimedia.gateway.workers.provider.spi.AuthenticationFailed;
import com.aimedia.gateway.workers.provider.spi.ProviderCallback;

/**
 * Checks {@code X-BFL-Signature: sha256=<hex HMAC-SHA256(secret, body)>}
 * (docs/providers/bfl.md: from BFL's skills repository, not in the OpenAPI, so unverified
 * against the live service).
 */
final class BflCallbackVerifier {

    private final String secret;

    BflCallbackVerifier(String secret) {
        this.secret = secret;
    }

    void verify(ProviderCallback callback) {
        String expected = "sha256="
                + HexFormat.of().formatHex(HmacSha256.sign(secret.getBytes(StandardCharsets.UTF_8), callback.body()));
        byte[] given = callback.header("X-BFL-Signature").trim().getBytes(StandardCharsets.US_ASCII);
        if (!HmacSha256.same(expected.getBytes(StandardCharsets.US_ASCII), given)) {
            throw new AuthenticationFailed("The provider callback's X-BFL-Signature does not verify.");
        }
    }

}
