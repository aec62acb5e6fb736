package com.aimedia.gateway.workers;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

import com.aimedia.gateway.platform.kafka.GatewayKafkaConfiguration;
import com.aimedia.gateway.platform.mongo.GatewayMongoConfiguration;
import com.aimedia.gateway.platform.web.GatewayWebConfiguration;

@SpringBootApplication
@ConfigurationPropertiesScan
@Import({ GatewayKafkaConfiguration.class, GatewayMongoConfiguration.class, GatewayWebConfiguration.class })
public class ProviderWorkersApplication {

    public static final String CONFIG_NAME = "provider-workers";

    public static void main(String[] args) {
        new SpringApplicationBuilder(ProviderWorkersApplication.class).properties("spring.config.name=" + CONFIG_NAME)
            .run(args);
    }

}
