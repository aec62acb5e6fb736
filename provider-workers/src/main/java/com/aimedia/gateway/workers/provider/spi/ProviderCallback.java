package com.aimedia.gateway.workers.provider.spi;

import java.util.List;
import java.util.Map;

/**
 * A callback a provider pushed to the gateway, as received. The gateway URL it came to was signed by the gateway;
 * the adapter checks the provider's own signature where the provider signs its callbacks.
 *
 * @param taskId the gateway task id the signed URL names
 * @param headers the request headers, names in lower case
 * @param body the raw request body
 */
public record ProviderCallback(String taskId, Map<String, List<String>> headers, byte[] body) {

    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? "" : values.getFirst();
    }
}
