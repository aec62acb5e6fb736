package com.aimedia.gateway.workers.provider.jimeng;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.aimedia.gateway.workers.provider.http.HmacSha256;

/**
 * VolcEngine Signature V4 ("HMAC-SHA256") as volc-sdk-python {@code SignerV4} does it
 * (docs/providers/jimeng.md): signed headers
 * {@code content-type;host;x-content-sha256;x-date}, scope
 * {@code <date>/<region>/<service>/request}, and a signing key chained from the bare
 * secret key (no {@code "AWS4"} prefix). Pure and deterministic, so the worked example of
 * docs/providers/jimeng.md is a unit test.
 */
final class VolcSigner {

    static final String ALGORITHM = "HMAC-SHA256";
    static final String SIGNED_HEADERS = "content-type;host;x-content-sha256;x-date";

    private static final DateTimeFormatter X_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
        .withZone(ZoneOffset.UTC);

    private static final HexFormat HEX = HexFormat.of();

    private final String region;

    private final String service;

    VolcSigner(String region, String service) {
        this.region = region;
        this.service = service;
    }

    /**
     * The headers a request needs besides {@code Host} (which the HTTP client sets from
     * the URL).
     */
    Map<String, String> sign(String accessKey, String secretKey, String method, String host, String path,
            Map<String, String> query, String contentType, byte[] body, Instant now) {
        String xDate = X_DATE.format(now);
        String bodyHash = sha256Hex(body);
        String canonical = canonicalRequest(method, path, host, canonicalQuery(query), contentType, bodyHash, xDate);
        String scope = xDate.substring(0, 8) + "/" + region + "/" + service + "/request";
        String signature = HEX
            .formatHex(hmac(signingKey(secretKey, xDate.substring(0, 8)), stringToSign(xDate, scope, canonical)));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        headers.put("X-Date", xDate);
        headers.put("X-Content-Sha256", bodyHash);
        headers.put("Authorization", ALGORITHM + " Credential=" + accessKey + "/" + scope + ", SignedHeaders="
                + SIGNED_HEADERS + ", Signature=" + signature);
        return headers;
    }

    static String canonicalRequest(String method, String path, String host, String canonicalQuery, String contentType,
            String bodyHash, String xDate) {
        return method + "\n" + path + "\n" + canonicalQuery + "\n" + "content-type:" + contentType + "\n" + "host:"
                + host + "\n" + "x-content-sha256:" + bodyHash + "\n" + "x-date:" + xDate + "\n" + "\n" + SIGNED_HEADERS
                + "\n" + bodyHash;
    }

    static String stringToSign(String xDate, String scope, String canonicalRequest) {
        return ALGORITHM + "\n" + xDate + "\n" + scope + "\n"
                + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    }

    byte[] signingKey(String secretKey, String date) {
        byte[] kDate = hmac(secretKey.getBytes(StandardCharsets.UTF_8), date);
        byte[] kRegion = hmac(kDate, region);
        byte[] kService = hmac(kRegion, service);
        return hmac(kService, "request");
    }

    /**
     * Sorted by name, names and values RFC 3986-encoded (unreserved characters kept,
     * space as %20).
     */
    static String canonicalQuery(Map<String, String> query) {
        List<String> pairs = new ArrayList<>();
        new TreeMap<>(query).forEach((name, value) -> pairs.add(encode(name) + "=" + encode(value)));
        return String.join("&", pairs);
    }

    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                out.append(c);
            }
            else {
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
            }
        }
        return out.toString();
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        return HmacSha256.sign(key, data.getBytes(StandardCharsets.UTF_8));
    }

}
