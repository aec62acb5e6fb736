package com.aimedia.gateway.simulators.kling;

import java.util.Base64;

/** A valid 1x1 PNG, the body of every simulated result image. */
final class Png {

    private static final byte[] IMAGE = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private Png() {
    }

    static byte[] tinyImage() {
        return IMAGE.clone();
    }
}
