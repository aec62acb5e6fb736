package com.aimedia.gateway.api.taskid;

import java.util.Optional;

/**
 * RFC 4648 section 7 "base32hex" in lower case without padding. Unlike the standard
 * base32 alphabet it keeps the sort order of the bytes, so ids sort by creation time.
 */
final class Base32Hex {

    private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuv".toCharArray();

    private Base32Hex() {
    }

    static String encode(byte[] bytes) {
        StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET[(buffer >> (bits - 5)) & 0x1f]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET[(buffer << (5 - bits)) & 0x1f]);
        }
        return out.toString();
    }

    /**
     * Empty unless the text is the canonical encoding of exactly {@code length} bytes.
     */
    static Optional<byte[]> decode(String text, int length) {
        if (text.length() != (length * 8 + 4) / 5) {
            return Optional.empty();
        }
        byte[] out = new byte[length];
        int buffer = 0;
        int bits = 0;
        int index = 0;
        for (int i = 0; i < text.length(); i++) {
            int value = valueOf(text.charAt(i));
            if (value < 0) {
                return Optional.empty();
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out[index++] = (byte) (buffer >> (bits - 8));
                bits -= 8;
            }
        }
        // the unused low bits of the last character must be zero, so every id has exactly
        // one spelling
        boolean canonical = (buffer & ((1 << bits) - 1)) == 0;
        return canonical ? Optional.of(out) : Optional.empty();
    }

    private static int valueOf(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'v') {
            return c - 'a' + 10;
        }
        return -1;
    }

}
