package com.aimedia.gateway.callback.delivery.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import com.aimedia.gateway.callback.auth.Tenant;
import com.aimedia.gateway.callback.delivery.WebhookTester;
import com.aimedia.gateway.callback.delivery.WebhookTester.TestResult;
import com.aimedia.gateway.callback.web.ProblemCode;
import com.aimedia.gateway.urlguard.RejectedUrlException;
import com.aimedia.gateway.urlguard.UnresolvedHostException;
import com.aimedia.gateway.web.problems.ApiProblemException;

/**
 * {@code POST /v1/webhooks/test {"url": ...}}: sends one signed {@code webhook.test}
 * event to the URL and answers what the receiver said. A URL real deliveries would refuse
 * is a 400 naming {@code url}.
 */
@RestController
class WebhookTestController {

    private final WebhookTester tester;

    WebhookTestController(WebhookTester tester) {
        this.tester = tester;
    }

    record TestRequest(@Nullable String url) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TestAnswer(@JsonProperty("webhook_id") String webhookId, boolean delivered, @Nullable Integer status,
            @JsonProperty("status_class") String statusClass, String response, @Nullable String error) {
    }

    @PostMapping(path = "/v1/webhooks/test", produces = MediaType.APPLICATION_JSON_VALUE)
    TestAnswer test(Tenant tenant, @RequestBody(required = false) @Nullable TestRequest request) {
        String url = request == null ? null : request.url();
        if (url == null || url.isBlank()) {
            throw ApiProblemException.field(ProblemCode.INVALID_REQUEST, "url", "is required: the receiver's URL");
        }
        TestResult result;
        try {
            result = tester.send(tenant.id(), url);
        }
        catch (UnresolvedHostException e) {
            throw ApiProblemException.field(ProblemCode.INVALID_REQUEST, "url", "host does not resolve");
        }
        catch (RejectedUrlException e) {
            throw ApiProblemException.field(ProblemCode.INVALID_REQUEST, "url",
                    e.reason().replace("callback_url ", ""));
        }
        return new TestAnswer(result.webhookId(), result.delivered(), result.status(), result.statusClass(),
                result.response(), result.error());
    }

}
