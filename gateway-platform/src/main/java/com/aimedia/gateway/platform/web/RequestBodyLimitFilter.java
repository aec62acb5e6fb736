package com.aimedia.gateway.platform.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs first on every request of a service's application port, before authentication: a
 * body whose Content-Length is over the limit is answered 413 without reading a byte of
 * it (and the connection closed), and any other body can be read only up to the limit and
 * within the read deadline, so a few large or slow chunked requests cannot fill the heap
 * or hold the request threads.
 */
public final class RequestBodyLimitFilter extends OncePerRequestFilter implements Ordered {

    private static final Logger log = LoggerFactory.getLogger(RequestBodyLimitFilter.class);

    private final long maxBytes;

    private final Duration readTimeout;

    private final Clock clock;

    public RequestBodyLimitFilter(WebLimitsProperties properties, Clock clock) {
        this.maxBytes = properties.maxBodySize().toBytes();
        this.readTimeout = properties.bodyReadTimeout();
        this.clock = clock;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            log.warn("request refused, body too large method={} contentLength={} maxBytes={}", request.getMethod(),
                    request.getContentLengthLong(), maxBytes);
            response.setStatus(413);
            // the body was not read: keeping the connection would mean reading (or
            // swallowing) it first
            response.setHeader("Connection", "close");
            response.setContentType("application/problem+json");
            response.getOutputStream()
                .write(("{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,"
                        + "\"detail\":\"The request body is larger than " + maxBytes
                        + " bytes.\",\"code\":\"body_too_large\"}")
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(new LimitedRequest(request, maxBytes, clock.instant().plus(readTimeout), clock), response);
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long maxBytes;

        private final Instant deadline;

        private final Clock clock;

        private @Nullable ServletInputStream limited;

        LimitedRequest(HttpServletRequest request, long maxBytes, Instant deadline, Clock clock) {
            super(request);
            this.maxBytes = maxBytes;
            this.deadline = deadline;
            this.clock = clock;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new LimitedInputStream(super.getInputStream(), maxBytes, deadline, clock);
            }
            return limited;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

    }

}
