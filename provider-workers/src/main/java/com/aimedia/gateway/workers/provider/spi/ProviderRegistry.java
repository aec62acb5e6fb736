package com.aimedia.gateway.workers.provider.spi;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The adapters of this deployment, by id. Fails at start-up when two adapters claim the same id. */
public final class ProviderRegistry {

    private final Map<ProviderId, ProviderAdapter> adapters;

    public ProviderRegistry(List<ProviderAdapter> adapters) {
        Map<ProviderId, ProviderAdapter> byId = new LinkedHashMap<>();
        for (ProviderAdapter adapter : adapters) {
            ProviderAdapter previous = byId.putIfAbsent(adapter.id(), adapter);
            if (previous != null) {
                throw new IllegalStateException("two provider adapters claim the id '" + adapter.id() + "': "
                        + previous.getClass().getName() + " and " + adapter.getClass().getName());
            }
        }
        this.adapters = Collections.unmodifiableMap(byId);
    }

    public Optional<ProviderAdapter> find(ProviderId id) {
        return Optional.ofNullable(adapters.get(id));
    }

    public Collection<ProviderAdapter> all() {
        return adapters.values();
    }
}
