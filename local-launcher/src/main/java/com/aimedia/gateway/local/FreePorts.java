package com.aimedia.gateway.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Finds a free TCP port on the loopback interface for components that cannot bind to port
 * 0 themselves. The port is bound later, often seconds later, while Kafka, MongoDB and
 * the clients of every service open connections, each from an ephemeral port: a port the
 * operating system handed out as free (from that same range) was sometimes one of theirs
 * by then (a service then failed to start, "Port ... is already in use"). So the port is
 * chosen below the ephemeral ranges (Linux from 32768, macOS and Windows from 49152).
 */
public final class FreePorts {

    private static final int LOWEST = 20_000;

    private static final int ABOVE_HIGHEST = 32_000;

    private static final int ATTEMPTS = 200;

    private FreePorts() {
    }

    public static int find() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int candidate = ThreadLocalRandom.current().nextInt(LOWEST, ABOVE_HIGHEST);
            try (ServerSocket socket = new ServerSocket(candidate, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            }
            catch (IOException taken) {
                // in use: another one
            }
        }
        throw new UncheckedIOException(new IOException(
                "no free port on loopback between " + LOWEST + " and " + ABOVE_HIGHEST + " in " + ATTEMPTS + " tries"));
    }

}
