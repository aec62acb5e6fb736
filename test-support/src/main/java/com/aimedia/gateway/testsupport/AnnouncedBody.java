package com.aimedia.gateway.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A request that announces a ten-gigabyte body and never sends it, as an attacker would:
 * a server that bounds request bodies answers 413 from the headers alone.
 */
public final class AnnouncedBody {

    private AnnouncedBody() {
    }

    /**
     * @return the status line the server answered (empty if it closed without one)
     */
    public static String statusLine(int port, String method, String path) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream()
                .write((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 10000000000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String line = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                .readLine();
            return line == null ? "" : line;
        }
    }

}
