package com.aimedia.gateway.benchmarks.bare;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import com.aimedia.gateway.platform.kafka.GatewayKafkaConfiguration;
import com.aimedia.gateway.platform.mongo.GatewayMongoConfiguration;

/**
 * A bare Spring Boot service with the same Kafka producer (idempotent, acks=all) and
 * MongoDB client as the gateway's services, and endpoints that do only the core of a
 * submit (produce the record) and of a GET (one findOne by id).
 */
@SpringBootApplication
@Import({ GatewayKafkaConfiguration.class, GatewayMongoConfiguration.class })
public class BareApplication {

    public static ConfigurableApplicationContext start(String kafkaBootstrapServers, String mongoUri, String database) {
        List<String> arguments = new ArrayList<>(
                List.of("--spring.config.name=bare-baseline", "--spring.application.name=bare-baseline",
                        "--spring.main.banner-mode=off", "--spring.main.log-startup-info=false", "--server.port=0",
                        "--server.address=127.0.0.1", "--gateway.kafka.bootstrap-servers=" + kafkaBootstrapServers,
                        "--gateway.mongo.uri=" + mongoUri, "--gateway.mongo.database=" + database));
        return new SpringApplicationBuilder(BareApplication.class).run(arguments.toArray(String[]::new));
    }

    public static String baseUrl(ConfigurableApplicationContext context) {
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

}
