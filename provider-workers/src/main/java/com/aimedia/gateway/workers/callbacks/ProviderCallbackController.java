package com.aimedia.gateway.workers.callbacks;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.aimedia.gateway.workers.provider.spi.ProviderCallback;
import com.aimedia.gateway.workers.submission.ProviderCallbacks;
import com.aimedia.gateway.workers.urls.ProviderCallbackUrls;

/**
 * Where providers call back: {@code POST /provider-callbacks/<provider>/<taskId>?signature=...}. The URL's signature
 * must verify (else 404: nothing to learn for a prober); then the callback is handed on as an event that makes the
 * orchestrator poll the task at once, and answered without waiting for that poll.
 */
@RestController
class ProviderCallbackController {

    private final ProviderCallbackUrls urls;
    private final ProviderCallbacks callbacks;

    ProviderCallbackController(ProviderCallbackUrls urls, ProviderCallbacks callbacks) {
        this.urls = urls;
        this.callbacks = callbacks;
    }

    @PostMapping("/provider-callbacks/{provider}/{taskId}")
    ResponseEntity<String> receive(@PathVariable String provider, @PathVariable String taskId,
            @RequestParam(defaultValue = "") String signature, @RequestHeader HttpHeaders headers,
            @RequestBody(required = false) byte[] body) {
        if (!urls.verify(provider, taskId, signature)) {
            return ResponseEntity.notFound().build();
        }
        // the target of the URL the gateway handed out, which is what a provider that signs its target (Vidu)
        // signed, even where a proxy in front of this service rewrites the path
        String target = urls.forTask(provider, taskId)
            .map(url -> url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()))
            .orElse("");
        ProviderCallback callback = new ProviderCallback(taskId, "POST", target, lowerCase(headers),
                body == null ? new byte[0] : body);
        return switch (callbacks.receive(provider, callback)) {
            case ProviderCallbacks.Outcome.Triggered triggered -> ResponseEntity.noContent().build();
            case ProviderCallbacks.Outcome.Handshake handshake ->
                ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(handshake.answer());
            case ProviderCallbacks.Outcome.UnknownProvider unknown -> ResponseEntity.notFound().build();
            case ProviderCallbacks.Outcome.SignatureRejected rejected ->
                ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        };
    }

    private static Map<String, List<String>> lowerCase(HttpHeaders headers) {
        Map<String, List<String>> lower = new HashMap<>();
        headers.forEach((name, values) -> lower.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        return lower;
    }
}
