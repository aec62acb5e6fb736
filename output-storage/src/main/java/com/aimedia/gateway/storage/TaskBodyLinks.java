package com.aimedia.gateway.storage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders a stored task body for a client: each {@code "gateway-output:<key>"} becomes a
 * link signed now, and the body says until when the outputs are kept
 * ({@code outputs_expire_at}, unix seconds) and, once that has passed,
 * {@code "outputs_expired":true}; then the body carries no links to stored outputs at all
 * (they are deleted, and a link to S3 cannot answer 410: the bucket would say 403 or
 * 404), only the URLs that were never stored. Every other byte stays as the orchestrator
 * rendered it, and the result depends only on the body and the current link period, so
 * api-service and callback-service produce the same bytes.
 */
public final class TaskBodyLinks {

    private static final Logger log = LoggerFactory.getLogger(TaskBodyLinks.class);

    private static final Pattern REFERENCE = Pattern
        .compile("\"" + Pattern.quote(OutputRefs.PREFIX) + "([A-Za-z0-9_./-]{1,200})\"");

    private static final Pattern COMPLETED_AT = Pattern.compile("\"completed_at\":(\\d{1,15})[,}]");

    /**
     * A reference as an element of the outputs array, with the comma that separates it
     * from the next or last one.
     */
    private static final Pattern REFERENCE_ELEMENT = Pattern
        .compile(REFERENCE.pattern() + ",|," + REFERENCE.pattern() + "|" + REFERENCE.pattern());

    private final OutputLinks links;

    private final StorageProperties.Links settings;

    private final Clock clock;

    public TaskBodyLinks(OutputLinks links, StorageProperties.Links settings, Clock clock) {
        this.links = links;
        this.settings = settings;
        this.clock = clock;
    }

    public String render(String body) {
        Matcher reference = REFERENCE.matcher(body);
        if (!reference.find()) {
            return body;
        }
        try {
            return render(body, reference);
        }
        catch (IllegalStateException e) {
            // this service lacks the store settings provider-workers has: the body goes
            // out as stored, never a 500
            log.error("output links not signed error={}", e.getMessage());
            return body;
        }
    }

    /**
     * One output as a client may fetch it: a stored output's reference signed now, any
     * other URL as it is.
     */
    public String link(String output, Instant completedAt) {
        if (!output.startsWith(OutputRefs.PREFIX)) {
            return output;
        }
        Optional<OutputKey> key = OutputKey.parse(output.substring(OutputRefs.PREFIX.length()));
        if (key.isEmpty()) {
            return output;
        }
        Instant retentionEnd = completedAt.plus(Duration.ofDays(key.get().retentionDays()));
        return links.link(key.get(), LinkWindow.of(clock.instant(), settings, retentionEnd));
    }

    /**
     * Whether a stored output's retention has ended (then it is deleted); a URL that was
     * never stored does not.
     */
    public boolean expired(String output, Instant completedAt) {
        if (!output.startsWith(OutputRefs.PREFIX)) {
            return false;
        }
        return OutputKey.parse(output.substring(OutputRefs.PREFIX.length()))
            .map(key -> !clock.instant().isBefore(completedAt.plus(Duration.ofDays(key.retentionDays()))))
            .orElse(false);
    }

    private String render(String body, Matcher reference) {
        Instant now = clock.instant();
        Instant completedAt = completedAt(body).orElse(now);
        int retentionDays = Integer.MAX_VALUE;
        StringBuilder rendered = new StringBuilder(body.length() + 256);
        do {
            OutputKey key = OutputKey.parse(reference.group(1)).orElse(null);
            if (key == null) {
                log.warn("task body holds a malformed output reference; left as it is");
                reference.appendReplacement(rendered, Matcher.quoteReplacement(reference.group()));
                continue;
            }
            retentionDays = Math.min(retentionDays, key.retentionDays());
            Instant retentionEnd = completedAt.plus(Duration.ofDays(key.retentionDays()));
            String link = links.link(key, LinkWindow.of(now, settings, retentionEnd));
            reference.appendReplacement(rendered, Matcher.quoteReplacement("\"" + link + "\""));
        }
        while (reference.find());
        reference.appendTail(rendered);
        if (retentionDays == Integer.MAX_VALUE) {
            return rendered.toString();
        }
        Instant expiresAt = completedAt.plus(Duration.ofDays(retentionDays));
        if (!now.isBefore(expiresAt)) {
            return withRetention(new StringBuilder(REFERENCE_ELEMENT.matcher(body).replaceAll("")), expiresAt, true);
        }
        return withRetention(rendered, expiresAt, false);
    }

    private static String withRetention(StringBuilder body, Instant expiresAt, boolean expired) {
        int end = body.lastIndexOf("}");
        String fields = ",\"outputs_expire_at\":" + expiresAt.getEpochSecond()
                + (expired ? ",\"outputs_expired\":true" : "");
        return body.insert(end, fields).toString();
    }

    private static Optional<Instant> completedAt(String body) {
        Matcher matcher = COMPLETED_AT.matcher(body);
        return matcher.find() ? Optional.of(Instant.ofEpochSecond(Long.parseLong(matcher.group(1)))) : Optional.empty();
    }

}
