package com.aimedia.gateway.simulators.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * A simulator's JDK HTTP server: bound to loopback only (a simulator must never be
 * reachable from elsewhere), one virtual thread per request (slow simulated responses
 * must not block other callers), every path to one handler.
 */
public final class SimulatorServer implements AutoCloseable {

    private final HttpServer server;

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    private SimulatorServer(HttpServer server, HttpHandler handler) {
        this.server = server;
        server.setExecutor(executor);
        server.createContext("/", handler);
    }

    /**
     * Binds (does not start) a server on {@code port} (0 = a free one); fails naming the
     * {@code name} simulator.
     */
    public static SimulatorServer bind(String name, int port, HttpHandler handler) {
        return bind(port, handler, "could not start the " + name + " simulator on port " + port);
    }

    /**
     * Binds (does not start) a server on a free port; fails naming the {@code name}
     * simulator.
     */
    public static SimulatorServer bindFreePort(String name, HttpHandler handler) {
        return bind(0, handler, "could not start the " + name + " simulator");
    }

    private static SimulatorServer bind(int port, HttpHandler handler, String failure) {
        try {
            return new SimulatorServer(
                    HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0), handler);
        }
        catch (IOException e) {
            throw new UncheckedIOException(failure, e);
        }
    }

    public void start() {
        server.start();
    }

    /** {@code http://host:port}, without any API prefix. */
    public String origin() {
        return "http://" + hostAndPort();
    }

    public String hostAndPort() {
        return server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

}
