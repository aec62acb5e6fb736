package com.aimedia.gateway.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Oversized, endless and stalled bodies against a real Tomcat with the filter in front of
 * an endpoint that reads whatever it is given (the worst case): the endpoint never holds
 * more than the limit.
 */
@SpringBootTest(classes = RequestBodyLimitFilterTest.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "gateway.web.max-body-size=1KB", "gateway.web.body-read-timeout=30s",
                "server.tomcat.connection-timeout=500ms", "spring.main.banner-mode=off" })
class RequestBodyLimitFilterTest {

    private static final AtomicLong BYTES_READ = new AtomicLong();

    private static final AtomicReference<String> FAILURE = new AtomicReference<>();

    private static final AtomicLong CALLS = new AtomicLong();

    /**
     * Only a servlet container and Spring MVC: the platform's Kafka and MongoDB stay out
     * of this test.
     */
    @SpringBootConfiguration
    @ImportAutoConfiguration({ TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
            WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class })
    @Import({ GatewayWebConfiguration.class, Echo.class })
    static class App {

    }

    /** Reads the whole body, as a careless endpoint would. */
    @RestController
    static class Echo {

        @PostMapping("/echo")
        ResponseEntity<String> echo(HttpServletRequest request) {
            CALLS.incrementAndGet();
            try (InputStream in = request.getInputStream()) {
                byte[] buffer = new byte[256];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    BYTES_READ.addAndGet(n);
                }
                return ResponseEntity.ok("read " + BYTES_READ.get());
            }
            catch (IOException e) {
                FAILURE.set(e.getClass().getSimpleName());
                return ResponseEntity.badRequest().build();
            }
        }

    }

    @LocalServerPort
    private int port;

    @BeforeEach
    void reset() {
        BYTES_READ.set(0);
        FAILURE.set(null);
        CALLS.set(0);
    }

    @Test
    void should_answer_413_to_a_declared_huge_body_without_waiting_for_it() throws IOException {
        try (Socket socket = connect()) {
            send(socket, "POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 10000000000\r\n\r\n");

            assertThat(statusLine(socket)).contains(" 413 ");
        }
        assertThat(CALLS).hasValue(0);
    }

    @Test
    void should_stop_an_endless_chunked_body_at_the_limit() throws IOException {
        try (Socket socket = connect()) {
            send(socket, "POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n");
            String chunk = "400\r\n" + "x".repeat(1024) + "\r\n";
            // 8 KB sent, then the client simply keeps the request open, as an attacker
            // would
            for (int i = 0; i < 8; i++) {
                send(socket, chunk);
            }

            assertThat(statusLine(socket)).contains(" 400 ");
        }
        assertThat(FAILURE).hasValue("BodyTooLargeException");
        assertThat(BYTES_READ.get()).isLessThanOrEqualTo(1024);
    }

    @Test
    void should_free_the_request_thread_when_a_body_stalls() throws IOException {
        try (Socket socket = connect()) {
            send(socket, "POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000\r\n\r\n" + "x".repeat(10));

            // the server's single-read timeout (server.tomcat.connection-timeout) ends
            // the read, not the client
            assertThat(statusLine(socket)).startsWith("HTTP/1.1 408");
        }
        assertThat(FAILURE.get()).isNotNull();
        assertThat(BYTES_READ).hasValue(10);
    }

    @Test
    void should_pass_a_body_within_the_limit() throws IOException {
        try (Socket socket = connect()) {
            send(socket, "POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1024\r\nConnection: close\r\n\r\n" + "x".repeat(1024));

            assertThat(statusLine(socket)).contains(" 200 ");
        }
        assertThat(BYTES_READ).hasValue(1024);
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(20_000);
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String statusLine(Socket socket) throws IOException {
        BufferedReader reader = new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        String line = reader.readLine();
        return line == null ? "" : line;
    }

}
