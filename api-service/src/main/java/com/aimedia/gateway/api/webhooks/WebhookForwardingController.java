package com.aimedia.gateway.api.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

import tools.jackson.databind.json.JsonMapper;

import com.aimedia.gateway.api.auth.RequiresScope;
import com.aimedia.gateway.api.auth.Scope;
import com.aimedia.gateway.api.auth.Tenant;
import com.aimedia.gateway.api.task.SubmitRequestReader;
import com.aimedia.gateway.api.web.ProblemCode;
import com.aimedia.gateway.web.problems.ApiProblemException;

/**
 * Forwards exactly the delivery log, signing secret and webhook test paths to the
 * callback-service, which owns that data, so clients use one base URL. The caller is
 * authenticated here first; the callback-service authenticates the same key again. Its
 * answer (status, content type, body, Retry-After) is passed on as is; if it cannot be
 * reached in time the answer is a 503 problem.
 */
@RestController
class WebhookForwardingController {

    private static final Logger log = LoggerFactory.getLogger(WebhookForwardingController.class);

    private static final String RETRY_AFTER_SECONDS = "5";

    private final HttpClient client;

    private final CallbackServiceProperties properties;

    private final SubmitRequestReader reader;

    private final JsonMapper mapper;

    WebhookForwardingController(CallbackServiceProperties properties, SubmitRequestReader reader, JsonMapper mapper) {
        this.properties = properties;
        this.reader = reader;
        this.mapper = mapper;
        this.client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(properties.callbackServiceTimeout())
            .build();
    }

    @RequiresScope(Scope.READ)
    @GetMapping("/v1/task/{taskId}/deliveries")
    ResponseEntity<byte[]> deliveries(Tenant tenant, @PathVariable String taskId, HttpServletRequest request) {
        return forward("GET", "/v1/task/" + segment(taskId) + "/deliveries", request);
    }

    @RequiresScope(Scope.WEBHOOKS_ADMIN)
    @PostMapping("/v1/task/{taskId}/deliveries/redeliver")
    ResponseEntity<byte[]> redeliver(Tenant tenant, @PathVariable String taskId, HttpServletRequest request) {
        return forward("POST", "/v1/task/" + segment(taskId) + "/deliveries/redeliver", request);
    }

    @RequiresScope(Scope.WEBHOOKS_ADMIN)
    @PostMapping("/v1/webhooks/recover")
    ResponseEntity<byte[]> recover(Tenant tenant, HttpServletRequest request) {
        return forward("POST", "/v1/webhooks/recover", request);
    }

    @RequiresScope(Scope.WEBHOOKS_ADMIN)
    @GetMapping("/v1/webhooks/secret")
    ResponseEntity<byte[]> secret(Tenant tenant, HttpServletRequest request) {
        return forward("GET", "/v1/webhooks/secret", request);
    }

    @RequiresScope(Scope.WEBHOOKS_ADMIN)
    @PostMapping("/v1/webhooks/secret/rotate")
    ResponseEntity<byte[]> rotate(Tenant tenant, HttpServletRequest request) {
        return forward("POST", "/v1/webhooks/secret/rotate", request);
    }

    /**
     * A signed test event to the URL in the body; the body is checked (JSON, size) before
     * it is passed on.
     */
    @RequiresScope(Scope.WEBHOOKS_ADMIN)
    @PostMapping("/v1/webhooks/test")
    ResponseEntity<byte[]> test(Tenant tenant, HttpServletRequest request) {
        byte[] body = mapper.writeValueAsBytes(reader.read(request));
        return forward("POST", "/v1/webhooks/test", request, body);
    }

    private ResponseEntity<byte[]> forward(String method, String path, HttpServletRequest incoming) {
        return forward(method, path, incoming, null);
    }

    private ResponseEntity<byte[]> forward(String method, String path, HttpServletRequest incoming,
            byte @Nullable [] body) {
        String query = incoming.getQueryString();
        URI target = URI.create(properties.callbackServiceUrl().toString().replaceAll("/+$", "") + path
                + (query == null ? "" : "?" + query));
        HttpRequest request = HttpRequest.newBuilder(target)
            .timeout(properties.callbackServiceTimeout())
            .header(HttpHeaders.AUTHORIZATION, incoming.getHeader(HttpHeaders.AUTHORIZATION))
            .header(HttpHeaders.ACCEPT, "application/json")
            .header(HttpHeaders.CONTENT_TYPE, "application/json")
            .method(method,
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        }
        catch (HttpTimeoutException e) {
            throw unavailable(path, e);
        }
        catch (IOException e) {
            throw unavailable(path, e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(path, e);
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(response.statusCode());
        response.headers()
            .firstValue(HttpHeaders.CONTENT_TYPE)
            .ifPresent(value -> answer.header(HttpHeaders.CONTENT_TYPE, value));
        response.headers()
            .firstValue(HttpHeaders.RETRY_AFTER)
            .ifPresent(value -> answer.header(HttpHeaders.RETRY_AFTER, value));
        response.headers()
            .firstValue(HttpHeaders.WWW_AUTHENTICATE)
            .ifPresent(value -> answer.header(HttpHeaders.WWW_AUTHENTICATE, value));
        return answer.body(response.body());
    }

    private static String segment(String value) {
        return UriUtils.encodePathSegment(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static ApiProblemException unavailable(String path, Exception cause) {
        log.error("callback-service unreachable path={} error={}", path, cause.toString());
        return new ApiProblemException(ProblemCode.UNAVAILABLE,
                "Webhook deliveries and secrets are temporarily unavailable; retry after a few seconds.",
                java.util.List.of(), Map.of(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS));
    }

}
