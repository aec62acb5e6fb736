package com.aimedia.gateway.api.catalog;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    @Bean
    ModelCatalog modelCatalog(JsonMapper jsonMapper) {
        return ModelCatalog.fromClasspath(jsonMapper, ModelCatalog.DEFAULT_RESOURCES);
    }

    @Bean
    InputValidator inputValidator(ModelCatalog modelCatalog) {
        return new InputValidator(modelCatalog);
    }
}
