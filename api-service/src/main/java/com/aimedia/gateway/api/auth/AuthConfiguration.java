package com.aimedia.gateway.api.auth;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.aimedia.gateway.api.tenants.TenantRepository;
import com.aimedia.gateway.api.web.ProblemCode;
import com.aimedia.gateway.auth.apikey.BearerAuthenticator;
import com.mongodb.client.MongoDatabase;

@Configuration(proxyBeanMethods = false)
class AuthConfiguration implements WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(AuthConfiguration.class);

    private final BearerAuthenticator authenticator;

    private final RequestGate gate;

    AuthConfiguration(BearerAuthenticator authenticator, RequestGate gate) {
        this.authenticator = authenticator;
        this.gate = gate;
    }

    /** Static: this configuration's own constructor needs it. */
    @Bean
    static BearerAuthenticator bearerAuthenticator(MongoDatabase mongoDatabase, AuthProperties properties,
            Clock clock) {
        return new BearerAuthenticator(mongoDatabase, ProblemCode.UNAUTHORIZED, properties.apiKeyCache(), clock);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new TenantArgumentResolver(authenticator, gate));
    }

    /**
     * Registers {@code gateway.api.dev-api-key} and its tenant before the API takes
     * requests, if it is set.
     */
    @Bean
    InitializingBean devApiKeyRegistration(AuthProperties properties, ApiKeyRepository repository,
            TenantRepository tenants, Clock clock) {
        return () -> {
            String key = properties.devApiKey();
            if (key != null && !key.isBlank()) {
                tenants.ensure(properties.devTenantId(), "development tenant", clock.instant());
                repository.upsert(key, properties.devTenantId(), "development key", clock.instant());
                log.info("development API key registered tenantId={}", properties.devTenantId());
            }
        };
    }

}
