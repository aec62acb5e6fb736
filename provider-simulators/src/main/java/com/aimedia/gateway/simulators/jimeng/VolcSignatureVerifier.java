package com.aimedia.gateway.simulators.jimeng;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * Verifies a VolcEngine V4 signature the way the API does (docs/providers/jimeng.md): it
 * recomputes the canonical request from what arrived (method, path, query,
 * {@code content-type}, {@code host}, {@code x-content-sha256}, {@code x-date}), checks
 * the body hash, derives the signing key from the account's secret key and compares.
 * Failures answer HTTP 401 in the {@code ResponseMetadata} envelope, as the real gateway
 * does.
 */
final class VolcSignatureVerifier {

    private static final String SIGNED_HEADERS = "content-type;host;x-content-sha256;x-date";

    private static final HexFormat HEX = HexFormat.of();

    private final String accessKey;

    private final String secretKey;

    private final String region;

    private final String service;

    VolcSignatureVerifier(String accessKey, String secretKey, String region, String service) {
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.region = region;
        this.service = service;
    }

    /** The received request, header names in lower case. */
    record SignedRequest(String method, String path, @Nullable String rawQuery, Map<String, String> headers,
            byte[] body) {
    }

    void verify(SignedRequest request) {
        String authorization = request.headers().get("authorization");
        if (authorization == null || authorization.isBlank()) {
            throw JimengError.gateway(401, "MissingAuthenticationToken", "Request is missing Authorization header")
                .answer();
        }
        Map<String, String> parts = parseAuthorization(authorization);
        String credential = parts.getOrDefault("Credential", "");
        String xDate = request.headers().getOrDefault("x-date", "");
        String bodyHash = sha256Hex(request.body());
        if (!credential.startsWith(accessKey + "/") || xDate.length() != 16) {
            throw JimengError.gateway(401, "InvalidAccessKey", "The access key is invalid or the X-Date is missing")
                .answer();
        }
        String scope = xDate.substring(0, 8) + "/" + region + "/" + service + "/request";
        if (!credential.equals(accessKey + "/" + scope) || !SIGNED_HEADERS.equals(parts.get("SignedHeaders"))
                || !bodyHash.equals(request.headers().get("x-content-sha256"))) {
            throw signatureMismatch();
        }
        String canonical = request.method() + "\n" + request.path() + "\n" + canonicalQuery(request.rawQuery()) + "\n"
                + "content-type:" + request.headers().getOrDefault("content-type", "") + "\n" + "host:"
                + request.headers().getOrDefault("host", "") + "\n" + "x-content-sha256:" + bodyHash + "\n" + "x-date:"
                + xDate + "\n" + "\n" + SIGNED_HEADERS + "\n" + bodyHash;
        String expected = signature(xDate, scope, canonical);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                parts.getOrDefault("Signature", "").getBytes(StandardCharsets.US_ASCII))) {
            throw signatureMismatch();
        }
    }

    String signature(String xDate, String scope, String canonicalRequest) {
        String stringToSign = "HMAC-SHA256\n" + xDate + "\n" + scope + "\n"
                + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
        byte[] key = hmac(secretKey.getBytes(StandardCharsets.UTF_8), xDate.substring(0, 8));
        key = hmac(key, region);
        key = hmac(key, service);
        key = hmac(key, "request");
        return HEX.formatHex(hmac(key, stringToSign));
    }

    private static JimengError.Answer signatureMismatch() {
        return JimengError
            .gateway(401, "SignatureDoesNotMatch",
                    "The request signature we calculated does not match the signature you provided.")
            .answer();
    }

    private static Map<String, String> parseAuthorization(String header) {
        Map<String, String> parts = new TreeMap<>();
        String value = header.startsWith("HMAC-SHA256 ") ? header.substring("HMAC-SHA256 ".length()) : "";
        for (String part : value.split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                parts.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
        }
        return parts;
    }

    static String canonicalQuery(@Nullable String rawQuery) {
        Map<String, String> sorted = new TreeMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                sorted.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        List<String> pairs = new ArrayList<>();
        sorted.forEach((name, value) -> pairs.add(encode(name) + "=" + encode(value)));
        return String.join("&", pairs);
    }

    private static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            boolean unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_' || c == '.' || c == '~';
            out.append(unreserved ? String.valueOf(c) : "%" + HexFormat.of().withUpperCase().toHexDigits(b));
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
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available");
        }
    }

}
