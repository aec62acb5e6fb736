package com.aimedia.gateway.orchestrator.task.messaging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How the orchestrator consumes its topics: in batches, each applied with bulk writes.
 *
 * @param maxBatch most records in one batch (Kafka's max.poll.records)
 * @param partitionFetch most bytes fetched from one partition per fetch
 * (max.partition.fetch.bytes): small enough that a backlog on one provider's topic cannot
 * fill a batch on its own, so every provider's records get into each round of fetches
 * @param submittedConcurrency consumers of the submitted topics (each takes its own
 * partitions)
 */
@Validated
@ConfigurationProperties("gateway.orchestrator.ingest")
public record IngestProperties(@DefaultValue("500") @Min(1) @Max(10_000) int maxBatch,
        @DefaultValue("32KB") DataSize partitionFetch, @DefaultValue("1") @Min(1) @Max(64) int submittedConcurrency) {

    public IngestProperties {
        if (partitionFetch.toBytes() < 1024) {
            throw new IllegalArgumentException("gateway.orchestrator.ingest.partition-fetch must be at least 1KB");
        }
    }
}
