package com.aimedia.gateway.simulators.doubao;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Tiny but well-formed result files: a 1x1 PNG and an MP4-shaped body ({@code ftyp}, {@code free}, {@code mdat}). */
final class Media {

    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    private static final byte[] MP4 = mp4();

    private Media() {
    }

    static byte[] png() {
        return PNG.clone();
    }

    static byte[] mp4Video() {
        return MP4.clone();
    }

    private static byte[] mp4() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        box(out, "ftyp", "isom\0\0\2\0isomiso2avc1mp41".getBytes(StandardCharsets.ISO_8859_1));
        box(out, "free", new byte[0]);
        box(out, "mdat", "doubao-simulator".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
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
}
