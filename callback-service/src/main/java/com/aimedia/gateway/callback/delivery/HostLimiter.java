package com.aimedia.gateway.callback.delivery;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Counts the attempts in flight per destination host, so that one slow host holds at most
 * {@code maxPerHost}.
 */
final class HostLimiter {

    private final int maxPerHost;

    private final Map<String, Integer> inFlight = new HashMap<>();

    HostLimiter(int maxPerHost) {
        this.maxPerHost = maxPerHost;
    }

    synchronized boolean tryAcquire(String host) {
        int current = inFlight.getOrDefault(host, 0);
        if (current >= maxPerHost) {
            return false;
        }
        inFlight.put(host, current + 1);
        return true;
    }

    synchronized void release(String host) {
        inFlight.computeIfPresent(host, (key, count) -> count <= 1 ? null : count - 1);
    }

    /** Hosts that take no further attempt right now. */
    synchronized Set<String> saturated() {
        return inFlight.entrySet()
            .stream()
            .filter(entry -> entry.getValue() >= maxPerHost)
            .map(Map.Entry::getKey)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

}
