package com.aimedia.gateway.simulators.kling;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A tiny MP4-shaped body: an ISO BMFF {@code ftyp} box, then an empty {@code free} and a small {@code mdat} box. */
final class Mp4 {

    private static final byte[] VIDEO = build();

    private Mp4() {
    }

    static byte[] tinyVideo() {
        return VIDEO.clone();
    }

    private static byte[] build() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        box(out, "ftyp", concat(ascii("isom"), new byte[] { 0, 0, 2, 0 }, ascii("isomiso2avc1mp41")));
        box(out, "free", new byte[0]);
        box(out, "mdat", ascii("kling-simulator"));
        return out.toByteArray();
    }

    private static void box(ByteArrayOutputStream out, String type, byte[] payload) {
        int size = 8 + payload.length;
        out.write(size >>> 24);
        out.write(size >>> 16);
        out.write(size >>> 8);
        out.write(size);
        out.writeBytes(ascii(type));
        out.writeBytes(payload);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
