package com.aimedia.gateway.api.task;

import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param allowedNetworks {@code gateway.api.callback-url.allowed-networks}: CIDRs a
 * callback_url may point to even though they are private, loopback or reserved (e.g.
 * 127.0.0.0/8 for local tests); empty by default
 */
@Validated
@ConfigurationProperties("gateway.api.callback-url")
public record CallbackUrlProperties(@DefaultValue @NotNull List<String> allowedNetworks) {
}
