package com.aimedia.gateway.workers.provider.spi;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * One result of a finished task, as the provider hands it over. The worker copies it into
 * the gateway's own output store and reports a signed gateway URL, so clients never need
 * a provider credential and never meet a provider URL that expires after minutes.
 */
public sealed interface ProviderOutput permits ProviderOutput.Remote, ProviderOutput.Inline {

    /** A plain result URL that needs no credential to download. */
    static ProviderOutput url(URI uri) {
        return new Remote(uri, Map.of());
    }

    /**
     * A file at a provider URL.
     *
     * @param uri where to download it
     * @param headers what the download needs besides the URL (e.g. an API key header);
     * never logged or reported
     */
    record Remote(URI uri, Map<String, String> headers) implements ProviderOutput {

        public Remote {
            Objects.requireNonNull(uri, "uri");
            headers = Map.copyOf(headers);
        }

        @Override
        public String toString() {
            return "Remote[uri=" + uri.getScheme() + "://" + uri.getHost() + "/..., headers=" + headers.keySet() + "]";
        }
    }

    /**
     * A file the provider returned in the response body itself (e.g. base64 image data).
     *
     * @param content the decoded bytes
     * @param contentType its media type, e.g. {@code image/png}
     */
    record Inline(byte[] content, String contentType) implements ProviderOutput {

        public Inline {
            Objects.requireNonNull(content, "content");
            Objects.requireNonNull(contentType, "contentType");
        }

        @Override
        public String toString() {
            return "Inline[" + contentType + ", " + content.length + " bytes]";
        }
    }

}
