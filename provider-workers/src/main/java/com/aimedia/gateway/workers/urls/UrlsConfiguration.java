package com.aimedia.gateway.workers.urls;

import java.time.Clock;
import java.util.Objects;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Callback URLs for providers, signed with the public URL key; off without a public base
 * URL.
 */
@Configuration(proxyBeanMethods = false)
class UrlsConfiguration {

    @Bean
    ProviderCallbackUrls providerCallbackUrls(PublicUrlProperties properties, Clock clock) {
        if (!properties.enabled()) {
            return ProviderCallbackUrls.disabled();
        }
        return new ProviderCallbackUrls(properties.baseUrl(),
                new UrlSigner(Objects.requireNonNull(properties.signingSecret(),
                        "checked by PublicUrlProperties when a base URL is set")),
                clock, properties.callbackUrlTtl(), properties.callbackUrlTtls());
    }

}
