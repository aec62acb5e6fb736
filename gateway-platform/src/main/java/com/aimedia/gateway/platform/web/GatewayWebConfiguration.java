package com.aimedia.gateway.platform.web;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HTTP limits every service imports ({@code @Import(GatewayWebConfiguration.class)}):
 * the request body filter, which Spring Boot registers for every path of the application
 * port.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebLimitsProperties.class)
public class GatewayWebConfiguration {

    @Bean
    RequestBodyLimitFilter requestBodyLimitFilter(WebLimitsProperties properties, ObjectProvider<Clock> clock) {
        return new RequestBodyLimitFilter(properties, clock.getIfAvailable(Clock::systemUTC));
    }

}
