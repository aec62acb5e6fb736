package com.aimedia.gateway.callback.signing;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mongodb.client.MongoDatabase;

@Configuration(proxyBeanMethods = false)
class SigningConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SigningConfiguration.class);

    @Bean
    SigningSecrets signingSecrets(MongoDatabase mongoDatabase, Clock clock, SigningProperties properties) {
        SecretCipher cipher = properties.cipher();
        if (!cipher.encrypts()) {
            log.warn("webhook signing secrets are stored unencrypted; set gateway.callback.signing.encryption-key "
                    + "(GATEWAY_CALLBACK_SIGNING_ENCRYPTION_KEY) to seal them at rest");
        }
        return new SigningSecrets(mongoDatabase, clock, cipher);
    }

}
