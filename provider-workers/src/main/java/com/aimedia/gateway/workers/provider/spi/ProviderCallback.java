package com.aimedia.gateway.workers.provider.spi;

import java.util.List;
import java.util.Map;

/**
 * A callback a provider pushed to the gateway, as received.
 *
 * @param headers the request headers
 * @param body the raw request body
 */
public record ProviderCallback(Map<String, List<String>> headers, byte[] body) {
}
