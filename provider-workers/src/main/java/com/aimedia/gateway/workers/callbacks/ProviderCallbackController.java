package com.aimedia.gateway.workers.callbacks;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import com.aimedia.gateway.workers.provider.spi.ProviderCallback;
import com.aimedia.gateway.workers.urls.ProviderCallbackUrls;

/**
 * Where providers call back:
 * {@code POST /provider-callbacks/<provider>/<taskId>?expires=...&signature=...}. This
 * endpoint is public, so nothing is read before the URL's signature verifies (else 404:
 * nothing to learn for a prober), not even form parameters: the query string is parsed by
 * hand. An expired URL is 410. Only then is the body read, at most
 * {@code gateway.workers.callbacks.max-body-size} (413 above), and handed on as an event
 * that makes the orchestrator poll the task at once, answered 200 without waiting for
 * that poll.
 */
@RestController
class ProviderCallbackController {

    private static final Logger log = LoggerFactory.getLogger(ProviderCallbackController.class);

    private final ProviderCallbackUrls urls;

    private final ProviderCallbacks callbacks;

    private final int maxBodySize;

    ProviderCallbackController(ProviderCallbackUrls urls, ProviderCallbacks callbacks, CallbackProperties properties) {
        this.urls = urls;
        this.callbacks = callbacks;
        this.maxBodySize = (int) properties.maxBodySize().toBytes();
    }

    @PostMapping("/provider-callbacks/{provider}/{taskId}")
    ResponseEntity<String> receive(@PathVariable String provider, @PathVariable String taskId,
            @RequestHeader HttpHeaders headers, HttpServletRequest request) {
        MultiValueMap<String, String> query = UriComponentsBuilder.newInstance()
            .query(request.getQueryString())
            .build()
            .getQueryParams();
        long expires = parseLong(query.getFirst("expires"));
        String signature = query.getFirst("signature");
        switch (urls.check(provider, taskId, expires, signature)) {
            case FORGED -> {
                return ResponseEntity.notFound().build();
            }
            case EXPIRED -> {
                log.info("provider callback after its URL expired, ignored taskId={} provider={}", taskId, provider);
                return ResponseEntity.status(HttpStatus.GONE).build();
            }
            case VALID -> {
                // go on below
            }
        }
        byte[] body;
        try {
            body = BoundedBody.read(request, maxBodySize);
        }
        catch (BoundedBody.TooLargeException e) {
            log.warn("provider callback refused, body too large taskId={} provider={} maxBytes={}", taskId, provider,
                    maxBodySize);
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build();
        }
        catch (IOException e) {
            return ResponseEntity.badRequest().build();
        }
        String target = urls.target(provider, taskId, expires, String.valueOf(signature));
        return answer(
                callbacks.receive(provider, new ProviderCallback(taskId, "POST", target, lowerCase(headers), body)));
    }

    /**
     * A handed-on callback is answered 200, not 204: Luma and MiniMax count only a 200 as
     * delivered and send the same callback again otherwise (Luma three more times, each
     * one more event and possibly one more poll).
     */
    private static ResponseEntity<String> answer(ProviderCallbacks.Outcome outcome) {
        return switch (outcome) {
            case ProviderCallbacks.Outcome.Triggered triggered -> ResponseEntity.ok().build();
            case ProviderCallbacks.Outcome.Handshake handshake ->
                ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(handshake.answer());
            case ProviderCallbacks.Outcome.UnknownProvider unknown -> ResponseEntity.notFound().build();
            case ProviderCallbacks.Outcome.SignatureRejected rejected ->
                ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        };
    }

    private static long parseLong(@Nullable String value) {
        if (value == null || value.isEmpty() || value.length() > 19 || !value.chars().allMatch(Character::isDigit)) {
            return 0;
        }
        return Long.parseLong(value);
    }

    private static Map<String, List<String>> lowerCase(HttpHeaders headers) {
        Map<String, List<String>> lower = new HashMap<>();
        headers.forEach((name, values) -> lower.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        return lower;
    }

}
