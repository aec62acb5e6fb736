package com.aimedia.gateway.callback.signing;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mongodb.client.MongoDatabase;

@Configuration(proxyBeanMethods = false)
class SigningConfiguration {

    @Bean
    SigningSecrets signingSecrets(MongoDatabase mongoDatabase, Clock clock) {
        return new SigningSecrets(mongoDatabase, clock);
    }
}
