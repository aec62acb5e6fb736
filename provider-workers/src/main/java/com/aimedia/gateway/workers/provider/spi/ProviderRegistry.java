package com.aimedia.gateway.workers.provider.spi;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The adapters of this deployment, by id. Fails at start-up when two adapters claim the
 * same id.
 */
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

    /**
     * The registry of a worker that serves only some providers. An empty selection keeps
     * every adapter.
     * @throws IllegalArgumentException when the selection names a provider this build has
     * no adapter for
     */
    public ProviderRegistry servingOnly(Set<ProviderId> selection) {
        if (selection.isEmpty()) {
            return this;
        }
        Set<String> unknown = new TreeSet<>();
        selection.stream().filter(id -> !adapters.containsKey(id)).forEach(id -> unknown.add(id.value()));
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown provider(s) " + unknown + "; this build has adapters for "
                    + new TreeSet<>(adapters.keySet().stream().map(ProviderId::value).toList()));
        }
        return new ProviderRegistry(adapters.values().stream().filter(a -> selection.contains(a.id())).toList());
    }

    public Optional<ProviderAdapter> find(ProviderId id) {
        return Optional.ofNullable(adapters.get(id));
    }

    public Collection<ProviderAdapter> all() {
        return adapters.values();
    }

}
