package com.aimedia.gateway.workers.availability;

import java.time.Clock;
import java.util.Date;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.aimedia.gateway.platform.readmodel.ProviderStatusReadModel;
import com.aimedia.gateway.workers.provider.spi.ProviderAdapter;
import com.aimedia.gateway.workers.provider.spi.ProviderRegistry;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;

/**
 * Tells the rest of the gateway which providers this worker can run, in
 * {@code provider_status}: the API refuses the models of an unconfigured provider at
 * submit instead of accepting tasks that could only fail.
 */
@Component
class ProviderStatusReporter {

    private static final Logger log = LoggerFactory.getLogger(ProviderStatusReporter.class);

    private final ProviderRegistry registry;

    private final MongoCollection<Document> statuses;

    private final Clock clock;

    ProviderStatusReporter(ProviderRegistry registry, MongoDatabase database, Clock clock) {
        this.registry = registry;
        this.statuses = database.getCollection(ProviderStatusReadModel.COLLECTION);
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        for (ProviderAdapter adapter : registry.all()) {
            String provider = adapter.id().value();
            boolean configured = adapter.isConfigured();
            statuses.replaceOne(new Document(ProviderStatusReadModel.ID, provider),
                    new Document(ProviderStatusReadModel.ID, provider)
                        .append(ProviderStatusReadModel.CONFIGURED, configured)
                        .append(ProviderStatusReadModel.UPDATED_AT, Date.from(clock.instant())),
                    new ReplaceOptions().upsert(true));
            if (!configured) {
                // the one start-up warning for every adapter: set
                // gateway.providers.<id>.* (see README) to enable it
                log.warn("provider has no credentials (gateway.providers.{}.*), its models are refused at submit "
                        + "provider={}", provider, provider);
            }
        }
    }

}
