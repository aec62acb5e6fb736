package com.aimedia.gateway.simulators.bfl;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.imageio.ImageIO;

/**
 * The simulated delivery storage ({@code bfldeliveryprod.blob.core.windows.net} in
 * production): a result {@code sample} URL carries an expiry ({@code se}, unix seconds)
 * and a signature ({@code sig}) over path and expiry, like an Azure SAS URL, and stops
 * working after {@code lifetime} (10 minutes at BFL).
 */
final class BflSamples {

    private final byte[] key = new byte[32];

    private final Clock clock;

    private final Duration lifetime;

    BflSamples(Clock clock, Duration lifetime) {
        new SecureRandom().nextBytes(key);
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /**
     * The path and query of a fresh sample URL for a task (minted at each poll, like
     * BFL's).
     */
    String signedPath(String taskId, String outputFormat) {
        String path = "/results/" + taskId + "/sample." + outputFormat;
        long expires = clock.instant().plus(lifetime).getEpochSecond();
        return path + "?se=" + expires + "&sig=" + sign(path, expires);
    }

    /**
     * Whether a request for {@code path} with these query values is a valid, unexpired
     * sample URL.
     */
    boolean valid(String path, String expires, String signature) {
        long seconds;
        try {
            seconds = Long.parseLong(expires);
        }
        catch (NumberFormatException e) {
            return false;
        }
        boolean signed = MessageDigest.isEqual(sign(path, seconds).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
        return signed && clock.instant().isBefore(Instant.ofEpochSecond(seconds));
    }

    private String sign(String path, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((path + "\n" + expires).getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /**
     * A tiny real image in the requested format (webp falls back to png bytes: the JDK
     * cannot write webp).
     */
    static byte[] image(String outputFormat) {
        String format = "jpeg".equals(outputFormat) ? "jpeg" : "png";
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        image.setRGB(8, 8, 0xff8800);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String contentType(String outputFormat) {
        return switch (outputFormat) {
            case "jpeg" -> "image/jpeg";
            case "webp" -> "image/webp";
            default -> "image/png";
        };
    }

}
