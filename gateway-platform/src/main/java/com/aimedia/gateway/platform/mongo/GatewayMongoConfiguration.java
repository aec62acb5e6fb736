package com.aimedia.gateway.platform.mongo;

import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

/**
 * The MongoDB client every service imports
 * ({@code @Import(GatewayMongoConfiguration.class)}), with a health indicator that takes
 * readiness down while MongoDB does not answer.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewayMongoProperties.class)
public class GatewayMongoConfiguration {

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(GatewayMongoProperties properties) {
        MongoClientSettings settings = MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(properties.uri()))
            .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS))
            .build();
        return MongoClients.create(settings);
    }

    @Bean
    MongoDatabase mongoDatabase(MongoClient mongoClient, GatewayMongoProperties properties) {
        return mongoClient.getDatabase(properties.database());
    }

    @Bean
    HealthIndicator mongoHealthIndicator(MongoDatabase mongoDatabase) {
        return () -> {
            try {
                mongoDatabase.runCommand(new Document("ping", 1));
                return Health.up().build();
            }
            catch (RuntimeException e) {
                return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
            }
        };
    }

}
