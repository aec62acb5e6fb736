package com.aimedia.gateway.workers.urls;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The signed URL a provider calls back:
 * {@code <base>/provider-callbacks/<provider>/<taskId>?expires=<unix s>&signature=...}.
 * The signature binds provider, task and expiry, so nobody can trigger polls for tasks
 * they made up, and a URL stops working once the provider's task lifetime is over: a
 * callback captured and replayed later finds nothing.
 */
public final class ProviderCallbackUrls {

    static final String PATH = "/provider-callbacks/";

    private static final String PURPOSE = "provider-callback";

    private final @Nullable URI baseUrl;

    private final @Nullable UrlSigner signer;

    private final Clock clock;

    private final Duration defaultTtl;

    private final Map<String, Duration> ttls;

    /**
     * @param defaultTtl how long a callback URL stays valid after it is handed out
     * @param ttls per provider id, where its task lifetime differs from the default
     */
    public ProviderCallbackUrls(@Nullable URI baseUrl, @Nullable UrlSigner signer, Clock clock, Duration defaultTtl,
            Map<String, Duration> ttls) {
        this.baseUrl = baseUrl;
        this.signer = signer;
        this.clock = clock;
        this.defaultTtl = defaultTtl;
        this.ttls = Map.copyOf(ttls);
    }

    /**
     * Callbacks off: adapters do not pass a callback URL and the gateway relies on
     * polling alone.
     */
    public static ProviderCallbackUrls disabled() {
        return new ProviderCallbackUrls(null, null, Clock.systemUTC(), Duration.ZERO, Map.of());
    }

    /** What a received callback's URL says. */
    public enum Check {

        VALID, EXPIRED, FORGED

    }

    /** A fresh URL for a task that is being submitted now. */
    public Optional<URI> forTask(String provider, String taskId) {
        if (baseUrl == null || signer == null) {
            return Optional.empty();
        }
        long expires = clock.instant().plus(ttls.getOrDefault(provider, defaultTtl)).getEpochSecond();
        String origin = baseUrl.getScheme() + "://" + baseUrl.getRawAuthority();
        return Optional.of(URI.create(origin + target(provider, taskId, expires, sign(provider, taskId, expires))));
    }

    /**
     * The path and query of the URL handed out, rebuilt from what the provider called; a
     * provider that signs its target (Vidu) signed this, even where a proxy in front of
     * this service rewrites the path.
     */
    public String target(String provider, String taskId, long expires, String signature) {
        String basePath = baseUrl == null || baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath();
        return basePath.replaceAll("/+$", "") + PATH + provider + "/" + taskId + "?expires=" + expires + "&signature="
                + signature;
    }

    /**
     * Checks the signature first (a forged URL learns nothing, not even whether it
     * expired), then the expiry.
     */
    public Check check(String provider, String taskId, long expires, @Nullable String signature) {
        if (signer == null || signature == null
                || !signer.verify(PURPOSE, provider + ":" + taskId + ":" + expires, signature)) {
            return Check.FORGED;
        }
        return clock.instant().isAfter(Instant.ofEpochSecond(expires)) ? Check.EXPIRED : Check.VALID;
    }

    private String sign(String provider, String taskId, long expires) {
        return java.util.Objects.requireNonNull(signer).sign(PURPOSE, provider + ":" + taskId + ":" + expires);
    }

}
