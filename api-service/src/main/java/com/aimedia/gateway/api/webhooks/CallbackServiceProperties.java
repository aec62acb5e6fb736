package com.aimedia.gateway.api.webhooks;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the delivery log and signing secret API lives: the callback-service owns
 * {@code deliveries} and {@code webhook_secrets}, so the api-service forwards those paths
 * to it.
 *
 * @param callbackServiceUrl {@code gateway.api.callback-service-url}, the
 * callback-service's base URL
 * @param callbackServiceTimeout {@code gateway.api.callback-service-timeout}, the most a
 * forwarded call may take
 */
@Validated
@ConfigurationProperties("gateway.api")
public record CallbackServiceProperties(@DefaultValue("http://localhost:8084") @NotNull URI callbackServiceUrl,
        @DefaultValue("10s") @NotNull Duration callbackServiceTimeout) {
}
