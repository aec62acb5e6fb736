package com.aimedia.gateway.workers;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Service-wide beans of provider-workers. */
@Configuration(proxyBeanMethods = false)
class WorkersConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

}
