package com.aimedia.gateway.api.quotas;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.NativeWebRequest;

import com.aimedia.gateway.api.auth.RequestGate;
import com.aimedia.gateway.api.auth.Tenant;
import com.aimedia.gateway.api.tenants.TenantRepository;
import com.aimedia.gateway.api.web.ProblemCode;
import com.aimedia.gateway.web.problems.ApiProblemException;

/**
 * Requests per second, per tenant and (if set) per key, in one-second windows shared by
 * every replica ({@link RateLeases}). Every authenticated answer carries
 * {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset} of the
 * tighter of the two limits; a request over a limit is answered 429 {@code rate_limited}
 * with {@code Retry-After}.
 */
@Component
class RequestRateGate implements RequestGate {

    static final String LIMIT = "RateLimit-Limit";
    static final String REMAINING = "RateLimit-Remaining";
    static final String RESET = "RateLimit-Reset";

    private final RateLeases leases;

    private final TenantRepository tenants;

    private final QuotaProperties defaults;

    private final Clock clock;

    RequestRateGate(RateLeases leases, TenantRepository tenants, QuotaProperties defaults, Clock clock) {
        this.leases = leases;
        this.tenants = tenants;
        this.defaults = defaults;
        this.clock = clock;
    }

    @Override
    public void admit(Tenant tenant, NativeWebRequest request) {
        EffectiveLimits limits = EffectiveLimits.of(tenants.settings(tenant.id()).limits(), defaults);
        Instant now = clock.instant();
        Window tenantWindow = count("tenant:" + tenant.id(), limits.requestsPerSecond(), now);
        Integer keyLimit = limits.keyRequestsPerSecond();
        Window tightest = tenantWindow;
        if (keyLimit != null) {
            Window keyWindow = count("key:" + tenant.keyId(), keyLimit, now);
            tightest = keyWindow.remaining() < tenantWindow.remaining() ? keyWindow : tenantWindow;
        }
        // Windows are whole seconds: the next one starts within a second, the smallest
        // delay the headers can say.
        long reset = 1;
        Map<String, String> headers = Map.of(LIMIT, String.valueOf(tightest.limit()), REMAINING,
                String.valueOf(Math.max(0, tightest.remaining())), RESET, String.valueOf(reset));
        HttpServletResponse response = request.getNativeResponse(HttpServletResponse.class);
        if (tightest.remaining() < 0) {
            throw new ApiProblemException(ProblemCode.RATE_LIMITED,
                    tightest == tenantWindow
                            ? "This tenant sends more than " + tightest.limit()
                                    + " requests per second; retry after the Retry-After seconds."
                            : "This API key sends more than " + tightest.limit()
                                    + " requests per second; retry after the Retry-After seconds.",
                    java.util.List.of(), withRetryAfter(headers, reset));
        }
        setHeaders(response, headers);
    }

    private Window count(String subject, int limit, Instant now) {
        return new Window(limit, leases.admit(subject, limit, now));
    }

    private static Map<String, String> withRetryAfter(Map<String, String> headers, long reset) {
        java.util.Map<String, String> all = new java.util.HashMap<>(headers);
        all.put(HttpHeaders.RETRY_AFTER, String.valueOf(reset));
        return all;
    }

    private static void setHeaders(@Nullable HttpServletResponse response, Map<String, String> headers) {
        if (response != null) {
            headers.forEach(response::setHeader);
        }
    }

    /**
     * @param remaining may be negative: the request is over the limit
     */
    private record Window(int limit, long remaining) {
    }

}
