package com.aimedia.gateway.workers.provider;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.aimedia.gateway.workers.provider.spi.ProviderAdapter;
import com.aimedia.gateway.workers.provider.spi.ProviderRegistry;

/**
 * The adapters this process serves ({@code gateway.workers.providers}); every other bean
 * follows from it.
 */
@Configuration(proxyBeanMethods = false)
class ProvidersConfiguration {

    @Bean
    ProviderRegistry providerRegistry(List<ProviderAdapter> adapters, ServedProvidersProperties served) {
        try {
            return new ProviderRegistry(adapters).servingOnly(served.ids());
        }
        catch (IllegalArgumentException e) {
            throw new IllegalStateException("gateway.workers.providers: " + e.getMessage(), e);
        }
    }

    @Bean
    ProviderAdapterLookup providerAdapterLookup(ProviderRegistry registry) {
        return new ProviderAdapterLookup(registry);
    }

}
