package com.aimedia.gateway.workers.outputs;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.aimedia.gateway.urlguard.CallbackUrlGuard;
import com.aimedia.gateway.urlguard.HostResolver;
import com.aimedia.gateway.workers.urls.PublicUrlProperties;
import com.aimedia.gateway.workers.urls.UrlSigner;

/**
 * How finished tasks' outputs reach clients: copied into the gateway's store and served by signed URLs when this
 * service has a public base URL; otherwise the providers' own URLs are passed through.
 */
@Configuration(proxyBeanMethods = false)
class OutputsConfiguration {

    @Bean
    @ConditionalOnProperty("gateway.workers.public.base-url")
    OutputStore outputStore(OutputProperties properties) {
        return new OutputStore(properties.directory());
    }

    @Bean
    @ConditionalOnProperty("gateway.workers.public.base-url")
    OutputUrls outputUrls(PublicUrlProperties publicUrls, OutputProperties properties, Clock clock) {
        return new OutputUrls(publicUrls.baseUrl(), new UrlSigner(publicUrls.signingSecret()), properties.urlTtl(),
                clock);
    }

    /** A bean so that tests can resolve names with a fake resolver. */
    @Bean
    HostResolver outputHostResolver() {
        return HostResolver.system();
    }

    /** Stored outputs with a public base URL; the providers' own URLs (where they need no credential) without. */
    @Bean
    OutputPublisher outputPublisher(ObjectProvider<OutputStore> store, ObjectProvider<OutputUrls> urls,
            OutputProperties properties, HostResolver outputHostResolver) {
        OutputStore outputStore = store.getIfAvailable();
        OutputUrls outputUrls = urls.getIfAvailable();
        if (outputStore == null || outputUrls == null) {
            return new PassThroughOutputs(properties.maxOutputs());
        }
        long maxBytes = properties.maxSize().toBytes();
        OutputDownloader downloader = new OutputDownloader(
                new CallbackUrlGuard(properties.allowedNetworks(), outputHostResolver), properties.connectTimeout(),
                properties.downloadTimeout(), properties.maxRedirects(), maxBytes);
        return new StoredOutputs(outputStore, outputUrls, downloader, properties.maxOutputs(), maxBytes);
    }
}
