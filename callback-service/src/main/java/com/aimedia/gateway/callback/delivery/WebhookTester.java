package com.aimedia.gateway.callback.delivery;

import java.time.Clock;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.aimedia.gateway.callback.signing.SigningSecrets;
import com.aimedia.gateway.callback.signing.WebhookSigner;
import com.aimedia.gateway.urlguard.CallbackUrlGuard;
import com.aimedia.gateway.urlguard.CheckedUrl;

/**
 * Sends one signed test event ({@code {"type":"webhook.test","timestamp":...}}) to a URL
 * the tenant gives, so it can check its receiver and its signature verification. Same
 * guard, same signing secrets and same one-attempt sender as real deliveries; nothing is
 * stored and nothing is retried.
 *
 * @throws com.aimedia.gateway.urlguard.RejectedUrlException from {@link #send} for a URL
 * deliveries would refuse
 */
public final class WebhookTester {

    private static final Logger log = LoggerFactory.getLogger(WebhookTester.class);

    private final CallbackUrlGuard urlGuard;

    private final WebhookSender sender;

    private final SigningSecrets secrets;

    private final Clock clock;

    WebhookTester(CallbackUrlGuard urlGuard, WebhookSender sender, SigningSecrets secrets, Clock clock) {
        this.urlGuard = urlGuard;
        this.sender = sender;
        this.secrets = secrets;
        this.clock = clock;
    }

    /**
     * @param status the receiver's HTTP status, or null without an answer
     * @param error why there was no answer (timeout, refused connection, ...), or null
     */
    public record TestResult(String webhookId, boolean delivered, @Nullable Integer status, String statusClass,
            String response, @Nullable String error) {
    }

    public TestResult send(String tenantId, String url) {
        CheckedUrl checked = urlGuard.check(url);
        long timestamp = clock.instant().getEpochSecond();
        String webhookId = "msg_test_" + UUID.randomUUID();
        String body = "{\"type\":\"webhook.test\",\"timestamp\":" + timestamp + "}";
        String signature = WebhookSigner.signatureHeader(secrets.activeSecrets(tenantId), webhookId, timestamp, body);
        AttemptResult result = sender.post(checked, webhookId, timestamp, signature, body);
        log.info("webhook test sent tenant={} statusClass={}", tenantId, result.statusClass());
        return switch (result) {
            case AttemptResult.Responded responded -> new TestResult(webhookId, responded.successful(),
                    responded.status(), responded.statusClass(), responded.responseBody(), null);
            case AttemptResult.TimedOut timedOut ->
                new TestResult(webhookId, false, null, timedOut.statusClass(), "", timedOut.errorClass());
            case AttemptResult.NoResponse none ->
                new TestResult(webhookId, false, null, none.statusClass(), "", none.errorClass());
            case AttemptResult.Refused refused ->
                new TestResult(webhookId, false, null, refused.statusClass(), "", refused.reason());
        };
    }

}
