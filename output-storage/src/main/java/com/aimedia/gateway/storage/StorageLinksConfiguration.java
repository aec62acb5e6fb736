package com.aimedia.gateway.storage;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * The links of stored outputs for a service that renders tasks for clients (api-service,
 * callback-service): import it and call {@link TaskBodyLinks#render(String)} on every
 * body on its way out.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StorageProperties.class)
public class StorageLinksConfiguration {

    @Bean
    TaskBodyLinks taskBodyLinks(StorageProperties properties, Clock clock) {
        return new TaskBodyLinks(outputLinks(properties), properties.links(), clock);
    }

    static OutputLinks outputLinks(StorageProperties properties) {
        return switch (properties.type()) {
            case S3 -> new S3OutputLinks(properties.s3(), DefaultCredentialsProvider.builder().build());
            case LOCAL -> {
                StorageProperties.Local local = properties.local();
                yield local.baseUrl() == null || local.signingSecret() == null ? new OutputLinks.Unavailable()
                        : new LocalOutputLinks(local.baseUrl(), local.signingSecret());
            }
        };
    }

}
