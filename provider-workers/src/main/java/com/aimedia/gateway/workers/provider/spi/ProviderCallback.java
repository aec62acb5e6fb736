package com.aimedia.gateway.workers.provider.spi;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A callback a provider pushed to the gateway, as received. The gateway URL it came to
 * was signed by the gateway; the adapter checks the provider's own signature where the
 * provider signs its callbacks.
 *
 * @param taskId the gateway task id the signed URL names
 * @param method the HTTP method the provider used
 * @param target the request target as the provider called it: path and {@code ?query} of
 * the URL the gateway handed out (providers such as Vidu sign it); empty where unknown
 * @param headers the request headers, names in lower case
 * @param body the raw request body
 */
public record ProviderCallback(String taskId, String method, String target, Map<String, List<String>> headers,
        byte[] body) {

    /** A POST whose target does not matter to the adapter. */
    public ProviderCallback(String taskId, Map<String, List<String>> headers, byte[] body) {
        this(taskId, "POST", "", headers, body);
    }

    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? "" : values.getFirst();
    }
}
