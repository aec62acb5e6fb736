package com.aimedia.gateway.workers.callbacks;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.aimedia.gateway.workers.provider.spi.ProviderRegistry;

@Configuration(proxyBeanMethods = false)
class CallbacksConfiguration {

    @Bean
    ProviderCallbacks providerCallbacks(ProviderRegistry registry, CallbackEvents events) {
        return new ProviderCallbacks(registry, events);
    }

}
