package com.aimedia.gateway.workers.outputs;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Copying outputs from providers into the store ({@code gateway.storage} says which
 * store) and the download policy of provider outputs (docs/security.md).
 *
 * @param downloadTimeout the longest a copy of one output from the provider may take,
 * redirects included
 * @param connectTimeout the longest a connection to a provider's file host may take
 * @param maxSize the largest output that is copied; a larger one fails the task
 * @param maxOutputs the most outputs one task may have; more fail the task
 * @param maxRedirects the most redirects one download follows (each hop is checked again)
 * @param allowedNetworks CIDRs a download may reach although they are not public (e.g.
 * {@code 127.0.0.0/8} for a local simulator); empty in production, where only public
 * internet addresses are fetched
 */
@Validated
@ConfigurationProperties("gateway.workers.outputs")
public record OutputProperties(@DefaultValue("5m") @NotNull Duration downloadTimeout,
        @DefaultValue("10s") @NotNull Duration connectTimeout, @DefaultValue("2GB") @NotNull DataSize maxSize,
        @DefaultValue("16") @Min(1) @Max(1000) int maxOutputs, @DefaultValue("3") @Min(0) @Max(10) int maxRedirects,
        @DefaultValue List<String> allowedNetworks) {

    public OutputProperties {
        requirePositive(downloadTimeout, "download-timeout");
        requirePositive(connectTimeout, "connect-timeout");
        if (maxSize.toBytes() <= 0) {
            throw new IllegalArgumentException("gateway.workers.outputs.max-size must be positive");
        }
        allowedNetworks = allowedNetworks.stream().map(String::strip).filter(n -> !n.isEmpty()).toList();
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("gateway.workers.outputs." + name + " must be positive");
        }
    }
}
