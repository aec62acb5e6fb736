package com.aimedia.gateway.workers.provider;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import com.aimedia.gateway.workers.provider.spi.ProviderId;

/**
 * Which providers this worker process serves, so one image runs as one workload per
 * provider or group of providers and a slow or noisy provider scales and fails on its
 * own. Only the served providers' topics are consumed and only they are reported in
 * {@code provider_status}.
 *
 * @param providers provider ids (the topic suffixes, e.g. {@code kling,luma}); empty
 * serves every provider of the build. A name without an adapter fails start-up.
 */
@Validated
@ConfigurationProperties("gateway.workers")
public record ServedProvidersProperties(@DefaultValue( {
    }) @NotNull List<@Pattern(regexp = "[a-z0-9-]+",
            message = "must be a provider id such as kling (lowercase letters, digits, '-')") String> providers){

    public Set<ProviderId> ids() {
        Set<ProviderId> ids = new LinkedHashSet<>();
        providers.forEach(provider -> ids.add(ProviderId.of(provider)));
        return ids;
    }
}
