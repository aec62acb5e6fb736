package com.aimedia.gateway.workers.urls;

import java.net.URI;
import java.util.Optional;

import org.jspecify.annotations.Nullable;


/**
 * The signed URL a provider calls back: {@code <base>/provider-callbacks/<provider>/<taskId>?signature=...}. The
 * signature binds provider and task, so nobody can trigger polls for tasks they made up.
 */
public final class ProviderCallbackUrls {

    static final String PATH = "/provider-callbacks/";
    private static final String PURPOSE = "provider-callback";

    private final @Nullable URI baseUrl;
    private final @Nullable UrlSigner signer;

    public ProviderCallbackUrls(@Nullable URI baseUrl, @Nullable UrlSigner signer) {
        this.baseUrl = baseUrl;
        this.signer = signer;
    }

    /** Callbacks off: adapters do not pass a callback URL and the gateway relies on polling alone. */
    public static ProviderCallbackUrls disabled() {
        return new ProviderCallbackUrls(null, null);
    }

    public Optional<URI> forTask(String provider, String taskId) {
        if (baseUrl == null || signer == null) {
            return Optional.empty();
        }
        String base = baseUrl.toString().replaceAll("/+$", "");
        return Optional.of(URI.create(base + PATH + provider + "/" + taskId + "?signature="
                + signer.sign(PURPOSE, provider + ":" + taskId)));
    }

    public boolean verify(String provider, String taskId, @Nullable String signature) {
        return signer != null && signature != null && signer.verify(PURPOSE, provider + ":" + taskId, signature);
    }
}
