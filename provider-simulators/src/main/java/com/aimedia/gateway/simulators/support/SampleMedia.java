package com.aimedia.gateway.simulators.support;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.imageio.ImageIO;

import org.jspecify.annotations.Nullable;

/**
 * Tiny but well-formed result files. Each provider keeps the exact bytes it always served
 * (its own {@code mdat} text, its pixel colour), so callers choose the variant; this
 * class only knows how such files are built.
 */
public final class SampleMedia {

    private static final byte[] RED_PNG = Base64.getDecoder()
        .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private static final byte[] GREEN_PNG = Base64.getDecoder()
        .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private SampleMedia() {
    }

    /** A 1x1 half-transparent red PNG. */
    public static byte[] redPng() {
        return RED_PNG.clone();
    }

    /** A 1x1 half-transparent green PNG. */
    public static byte[] greenPng() {
        return GREEN_PNG.clone();
    }

    /**
     * A quarter second of silence: a RIFF/WAVE file, 8 kHz mono 16-bit PCM, as MusicGen's
     * {@code wav} output.
     */
    public static byte[] silentWav() {
        int samples = 2000;
        java.nio.ByteBuffer wav = java.nio.ByteBuffer.allocate(44 + samples * 2)
            .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(StandardCharsets.US_ASCII))
            .putInt(36 + samples * 2)
            .put("WAVE".getBytes(StandardCharsets.US_ASCII))
            .put("fmt ".getBytes(StandardCharsets.US_ASCII))
            .putInt(16)
            .putShort((short) 1)
            .putShort((short) 1)
            .putInt(8000)
            .putInt(16000)
            .putShort((short) 2)
            .putShort((short) 16)
            .put("data".getBytes(StandardCharsets.US_ASCII))
            .putInt(samples * 2);
        return wav.array();
    }

    /**
     * One silent MPEG-1 Layer III frame (128 kbit/s, 44.1 kHz, mono) behind an empty
     * ID3v2 tag.
     */
    public static byte[] silentMp3() {
        byte[] mp3 = new byte[10 + 417];
        byte[] id3 = { 'I', 'D', '3', 4, 0, 0, 0, 0, 0, 0 };
        System.arraycopy(id3, 0, mp3, 0, id3.length);
        mp3[10] = (byte) 0xFF;
        mp3[11] = (byte) 0xFB;
        mp3[12] = (byte) 0x90;
        mp3[13] = (byte) 0xC4;
        return mp3;
    }

    /** A 1x1 black JPEG, as the JDK writes it. */
    public static byte[] blackJpeg() {
        return Jpeg.BLACK.clone();
    }

    /**
     * An MP4-shaped body: an ISO BMFF {@code ftyp} box (major brand {@code isom}, minor
     * version {@code 0x200}, then {@code compatibleBrands}), an empty {@code free} box
     * when asked, and an {@code mdat} box holding {@code mdat}.
     */
    public static byte[] mp4(String compatibleBrands, boolean freeBox, String mdat) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        box(out, "ftyp", ("isom\0\0\2\0" + compatibleBrands).getBytes(StandardCharsets.ISO_8859_1));
        if (freeBox) {
            box(out, "free", new byte[0]);
        }
        box(out, "mdat", mdat.getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /**
     * The sample for a result file's extension ({@code mp4}: a copy of {@code video},
     * {@code png}: red, {@code jpg}: black), or null for any other extension.
     */
    public static byte @Nullable [] byExtension(String extension, byte[] video) {
        return switch (extension) {
            case "mp4" -> video.clone();
            case "png" -> redPng();
            case "jpg" -> blackJpeg();
            default -> null;
        };
    }

    /** The content type of a sample {@link #byExtension} serves. */
    public static String contentType(String extension) {
        return switch (extension) {
            case "mp4" -> "video/mp4";
            case "png" -> "image/png";
            default -> "image/jpeg";
        };
    }

    private static void box(ByteArrayOutputStream out, String type, byte[] payload) {
        int size = 8 + payload.length;
        out.write(size >>> 24);
        out.write(size >>> 16);
        out.write(size >>> 8);
        out.write(size);
        out.writeBytes(type.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(payload);
    }

    /**
     * Written on first use only: ImageIO is slow to load, and most providers never serve
     * a JPEG.
     */
    private static final class Jpeg {

        private static final byte[] BLACK = write();

        private static byte[] write() {
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

}
