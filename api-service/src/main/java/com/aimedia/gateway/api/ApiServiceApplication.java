package com.aimedia.gateway.api;

import java.time.Clock;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import com.aimedia.gateway.platform.kafka.GatewayKafkaConfiguration;
import com.aimedia.gateway.platform.mongo.GatewayMongoConfiguration;
import com.aimedia.gateway.platform.web.GatewayWebConfiguration;
import com.aimedia.gateway.storage.StorageLinksConfiguration;

@SpringBootApplication
@ConfigurationPropertiesScan
@Import({ GatewayKafkaConfiguration.class, GatewayMongoConfiguration.class, StorageLinksConfiguration.class,
        GatewayWebConfiguration.class })
public class ApiServiceApplication {

    public static final String CONFIG_NAME = "api-service";

    public static void main(String[] args) {
        new SpringApplicationBuilder(ApiServiceApplication.class).properties("spring.config.name=" + CONFIG_NAME)
            .run(args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

}
