package com.aimedia.gateway.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small TCP proxy on loopback that passes a connection through, or plays a network
 * fault: it resets connections, swallows requests so the caller times out, or trickles
 * the answer back slowly. Changing the mode cuts every open connection, so a caller stuck
 * in the old fault sees an error at once rather than at its own timeout.
 */
public final class FaultProxy implements AutoCloseable {

    public enum Mode {

        /** Forward both ways. */
        PASS,
        /** Accept, then reset (RST): a connection reset by peer. */
        RESET,
        /** Accept and read, never answer: the caller's read timeout fires. */
        BLACKHOLE,
        /** Forward the request, trickle the answer back a few bytes at a time. */
        SLOW_BODY

    }

    private static final int SLOW_CHUNK = 16;

    private static final Duration SLOW_PAUSE = Duration.ofMillis(50);

    private final ServerSocket server;

    private final InetSocketAddress target;

    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    private volatile Mode mode = Mode.PASS;

    public FaultProxy(InetSocketAddress target) throws IOException {
        this.target = target;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("fault-proxy-accept").start(this::accept);
    }

    public int port() {
        return server.getLocalPort();
    }

    public void mode(Mode newMode) {
        mode = newMode;
        for (Socket socket : open) {
            closeQuietly(socket);
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                open.add(client);
                Thread.ofVirtual().start(() -> serve(client, mode));
            }
            catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client, Mode connectionMode) {
        try {
            switch (connectionMode) {
                case RESET -> {
                    client.setSoLinger(true, 0);
                    client.close();
                }
                case BLACKHOLE -> client.getInputStream().transferTo(OutputStream.nullOutputStream());
                case PASS, SLOW_BODY -> forward(client, connectionMode == Mode.SLOW_BODY);
            }
        }
        catch (IOException e) {
            // the caller or the target went away, or the mode changed: nothing to do
        }
        finally {
            open.remove(client);
            closeQuietly(client);
        }
    }

    private void forward(Socket client, boolean slow) throws IOException {
        try (Socket upstream = new Socket()) {
            upstream.connect(target, 5_000);
            open.add(upstream);
            Thread requests = Thread.ofVirtual().start(() -> pump(client, upstream, false));
            pump(upstream, client, slow);
            requests.interrupt();
            open.remove(upstream);
        }
    }

    private static void pump(Socket from, Socket to, boolean slow) {
        byte[] buffer = new byte[slow ? SLOW_CHUNK : 8192];
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
                if (slow) {
                    Thread.sleep(SLOW_PAUSE);
                }
            }
            to.shutdownOutput();
        }
        catch (IOException | InterruptedException e) {
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        }
        catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        mode(Mode.PASS);
    }

}
