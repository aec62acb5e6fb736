package com.aimedia.gateway.simulators.runway;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

import javax.imageio.ImageIO;

/** Tiny but well-formed result files: an MP4 ({@code ftyp} box first), a 1x1 PNG and a 1x1 JPEG. */
final class Media {

    private static final byte[] MP4 = Base64.getDecoder().decode("AAAAGGZ0eXBpc29tAAACAGlzb21pc28yAAAACGZyZWUAAAAQbWRhdHJ1bndheS1z");
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    private static final byte[] JPEG = jpeg();

    private Media() {
    }

    /** The file and its content type for a file name's extension, or null for an unknown one. */
    static byte @org.jspecify.annotations.Nullable [] bytes(String extension) {
        return switch (extension) {
            case "mp4" -> MP4.clone();
            case "png" -> PNG.clone();
            case "jpg" -> JPEG.clone();
            default -> null;
        };
    }

    static String contentType(String extension) {
        return switch (extension) {
            case "mp4" -> "video/mp4";
            case "png" -> "image/png";
            default -> "image/jpeg";
        };
    }

    private static byte[] jpeg() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), "jpg", out);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
