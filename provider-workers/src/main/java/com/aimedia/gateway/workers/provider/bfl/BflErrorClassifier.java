package com.aimedia.gateway.workers.provider.bfl;

import java.time.Duration;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.workers.provider.http.HttpStatusClassifier;
import com.aimedia.gateway.workers.provider.spi.ContentRejected;
import com.aimedia.gateway.workers.provider.spi.InsufficientCredits;
import com.aimedia.gateway.workers.provider.spi.InvalidRequest;
import com.aimedia.gateway.workers.provider.spi.ProviderException;

import tools.jackson.databind.JsonNode;

/**
 * Maps a BFL error answer onto the gateway's taxonomy by HTTP status
 * (docs/providers/bfl.md: 400/401/402/422/429/500). The message comes from {@code detail}
 * (FastAPI, the OpenAPI's shape: a string or a list of {@code {loc,msg}}) or
 * {@code error} (the skills repo's examples); both are parsed.
 */
final class BflErrorClassifier {

    static final String RATE_LIMITED = "The provider is over its limit of active tasks or requests; try again later.";

    private BflErrorClassifier() {
    }

    static ProviderException classify(int httpStatus, @Nullable JsonNode body, @Nullable Duration retryAfter) {
        String detail = detail(body);
        String lower = detail.toLowerCase(Locale.ROOT);
        if (httpStatus == 402) {
            return new InsufficientCredits("The provider account has insufficient credits.");
        }
        ProviderException byStatus = HttpStatusClassifier.classify(httpStatus, detail, RATE_LIMITED, retryAfter);
        if (byStatus instanceof InvalidRequest && lower.contains("moderat")) {
            return new ContentRejected("The provider rejected the request under its content policy.");
        }
        return byStatus;
    }

    /**
     * {@code detail} as text: a string as is, a FastAPI list as
     * {@code input.<field>: <msg>; ...}.
     */
    static String detail(@Nullable JsonNode body) {
        if (body == null) {
            return "";
        }
        JsonNode detail = body.has("detail") ? body.get("detail") : body.get("error");
        if (detail == null || detail.isNull()) {
            return body.path("message").isString() ? body.path("message").stringValue() : "";
        }
        if (detail.isString()) {
            return detail.stringValue();
        }
        if (detail.isArray()) {
            StringBuilder text = new StringBuilder();
            for (JsonNode item : detail) {
                if (!text.isEmpty()) {
                    text.append("; ");
                }
                text.append(field(item.path("loc"))).append(": ").append(item.path("msg").asString(""));
            }
            return text.toString();
        }
        return detail.path("message").asString(detail.toString());
    }

    private static String field(JsonNode loc) {
        StringBuilder path = new StringBuilder("input");
        for (JsonNode part : loc) {
            if (!"body".equals(part.asString(""))) {
                path.append('.').append(part.asString(""));
            }
        }
        return path.toString();
    }

}
