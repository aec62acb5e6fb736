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

    /**
     * How long an operation waits for a MongoDB server to answer before it fails (and the
     * API answers 503) when the URI does not say ({@code serverSelectionTimeoutMS}): the
     * driver's own 30 s would hold every request that long.
     */
    static final int DEFAULT_SERVER_SELECTION_TIMEOUT_MS = 5_000;

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(GatewayMongoProperties properties) {
        return MongoClients.create(settings(properties.uri()));
    }

    static MongoClientSettings settings(String uri) {
        ConnectionString connection = new ConnectionString(uri);
        MongoClientSettings.Builder settings = MongoClientSettings.builder().applyConnectionString(connection);
        if (connection.getServerSelectionTimeout() == null) {
            settings.applyToClusterSettings(cluster -> cluster
                .serverSelectionTimeout(DEFAULT_SERVER_SELECTION_TIMEOUT_MS, TimeUnit.MILLISECONDS));
        }
        return settings.build();
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
