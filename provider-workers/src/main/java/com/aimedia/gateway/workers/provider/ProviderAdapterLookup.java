package com.aimedia.gateway.workers.provider;

import com.aimedia.gateway.platform.kafka.PermanentFailure;
import com.aimedia.gateway.workers.provider.spi.ProviderAdapter;
import com.aimedia.gateway.workers.provider.spi.ProviderId;
import com.aimedia.gateway.workers.provider.spi.ProviderRegistry;

/**
 * Finds the adapter an event names; an event for a provider this deployment does not run
 * goes to the DLT.
 */
public final class ProviderAdapterLookup {

    private final ProviderRegistry registry;

    public ProviderAdapterLookup(ProviderRegistry registry) {
        this.registry = registry;
    }

    public ProviderAdapter require(String provider) {
        return registry.find(ProviderId.of(provider))
            .orElseThrow(() -> new UnknownProvider("no adapter for provider " + provider));
    }

    static final class UnknownProvider extends RuntimeException implements PermanentFailure {

        UnknownProvider(String message) {
            super(message);
        }

    }

}
