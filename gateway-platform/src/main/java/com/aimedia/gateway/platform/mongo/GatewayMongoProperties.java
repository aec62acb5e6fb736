package com.aimedia.gateway.platform.mongo;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a service reaches MongoDB: any MongoDB connection string (a replica set in
 * production, mongo-java-server on the embedded default).
 */
@Validated
@ConfigurationProperties("gateway.mongo")
public record GatewayMongoProperties(@DefaultValue("mongodb://localhost:27017") @NotBlank String uri,
        @DefaultValue("gateway") @NotBlank String database) {
}
