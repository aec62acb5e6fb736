package com.aimedia.gateway.workers.messaging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How each provider's records are consumed.
 *
 * @param consumersPerProvider consumers of each provider's submissions, and as many of
 * its polls and cancels (two containers in the provider's group), each with its own
 * partitions and its own thread: tasks of one provider are submitted and polled side by
 * side instead of one after the other behind each other's provider calls. More than the
 * topics' partitions leaves the extra consumers idle. The records of one task in one
 * topic share a key, hence a partition, hence a consumer, and stay in order; the
 * submission claims in MongoDB already hold against several worker processes, so they
 * hold against several consumers of one process too.
 */
@Validated
@ConfigurationProperties("gateway.workers.listeners")
public record ListenerProperties(@DefaultValue("3") @Min(1) @Max(64) int consumersPerProvider) {
}
