package com.aimedia.gateway.orchestrator;

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
public class OrchestratorApplication {

    public static final String CONFIG_NAME = "orchestrator-service";

    public static void main(String[] args) {
        new SpringApplicationBuilder(OrchestratorApplication.class).properties("spring.config.name=" + CONFIG_NAME)
            .run(args);
    }

}
