package com.aimedia.gateway.workers.provider.jimeng;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The worked example of docs/providers/jimeng.md, reproduced byte for byte. */
class VolcSignerTest {

    private static final String BODY = "{\"req_key\":\"jimeng_vgfm_t2v_l20\",\"task_id\":\"abc\"}";

    private static final String BODY_HASH = "2e83d6a6ed2aef0fb0dd7125abe5bad97718ec9bd6be63d52418921ea3133955";

    private static final String CANONICAL_REQUEST = """
            POST
            /
            Action=CVSync2AsyncGetResult&Version=2022-08-31
            content-type:application/json
            host:visual.volcengineapi.com
            x-content-sha256:2e83d6a6ed2aef0fb0dd7125abe5bad97718ec9bd6be63d52418921ea3133955
            x-date:20240115T120000Z

            content-type;host;x-content-sha256;x-date
            2e83d6a6ed2aef0fb0dd7125abe5bad97718ec9bd6be63d52418921ea3133955""";

    private static final String STRING_TO_SIGN = "HMAC-SHA256\n20240115T120000Z\n20240115/cn-north-1/cv/request\n"
            + "050743f342d111c1789cf60ff4b61e6d043005d1668def7d87b8a193b6f14b18";

    private static final String SIGNATURE = "5cbe194cc35a9fe8a0dcf34cbfc8f10d2c989caa3059aa6fe4f186977c0fef7a";

    private final VolcSigner signer = new VolcSigner("cn-north-1", "cv");

    private static Map<String, String> query() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("Version", "2022-08-31");
        query.put("Action", "CVSync2AsyncGetResult");
        return query;
    }

    @Test
    void should_reproduce_canonical_request_and_string_to_sign_when_given_the_worked_example() {
        String canonical = VolcSigner.canonicalRequest("POST", "/", "visual.volcengineapi.com",
                VolcSigner.canonicalQuery(query()), "application/json", BODY_HASH, "20240115T120000Z");

        assertThat(VolcSigner.sha256Hex(BODY.getBytes(StandardCharsets.UTF_8))).isEqualTo(BODY_HASH);
        assertThat(canonical).isEqualTo(CANONICAL_REQUEST);
        assertThat(VolcSigner.stringToSign("20240115T120000Z", "20240115/cn-north-1/cv/request", canonical))
            .isEqualTo(STRING_TO_SIGN);
    }

    @Test
    void should_produce_the_documented_authorization_when_signing_the_worked_example() {
        Map<String, String> headers = signer.sign("AKTEST", "SKTEST", "POST", "visual.volcengineapi.com", "/", query(),
                "application/json", BODY.getBytes(StandardCharsets.UTF_8), Instant.parse("2024-01-15T12:00:00Z"));

        assertThat(headers).containsEntry("X-Date", "20240115T120000Z")
            .containsEntry("X-Content-Sha256", BODY_HASH)
            .containsEntry("Content-Type", "application/json")
            .containsEntry("Authorization", "HMAC-SHA256 Credential=AKTEST/20240115/cn-north-1/cv/request, "
                    + "SignedHeaders=content-type;host;x-content-sha256;x-date, Signature=" + SIGNATURE);
    }

    @Test
    void should_derive_key_without_aws4_prefix_when_signing() {
        byte[] key = signer.signingKey("SKTEST", "20240115");
        byte[] withPrefix = signer.signingKey("AWS4SKTEST", "20240115");

        assertThat(HexFormat.of().formatHex(key)).isNotEqualTo(HexFormat.of().formatHex(withPrefix));
    }

    @Test
    void should_encode_query_per_rfc3986_when_values_need_escaping() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("b", "x y/~");
        query.put("a", "1");

        assertThat(VolcSigner.canonicalQuery(query)).isEqualTo("a=1&b=x%20y%2F~");
    }

}
