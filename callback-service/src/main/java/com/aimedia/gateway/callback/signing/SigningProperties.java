package com.aimedia.gateway.callback.signing;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param rotationOverlap after a rotation the older secrets keep signing this long, so every webhook carries two
 *        signatures while receivers switch to the new secret
 */
@Validated
@ConfigurationProperties("gateway.callback.signing")
public record SigningProperties(@DefaultValue("24h") @NotNull Duration rotationOverlap) {
}
