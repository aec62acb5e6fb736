package com.aimedia.gateway.api.catalog;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mongodb.client.MongoDatabase;

import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    @Bean
    ModelCatalog modelCatalog(JsonMapper jsonMapper) {
        return ModelCatalog.fromClasspath(jsonMapper, ModelCatalog.DEFAULT_RESOURCES);
    }

    @Bean
    ProviderAvailability providerAvailability(MongoDatabase mongoDatabase, Clock clock) {
        return new ProviderAvailability(mongoDatabase, clock);
    }

    @Bean
    InputValidator inputValidator(ModelCatalog modelCatalog) {
        return new InputValidator(modelCatalog);
    }

}
