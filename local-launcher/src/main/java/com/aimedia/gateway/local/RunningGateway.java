package com.aimedia.gateway.local;

import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;

import com.aimedia.gateway.api.ApiServiceApplication;
import com.aimedia.gateway.callback.CallbackServiceApplication;

/**
 * A started embedded default: where its API listens, its development credentials, and how
 * to stop it.
 */
public final class RunningGateway implements AutoCloseable {

    private final List<ConfigurableApplicationContext> services;

    private final String devApiKey;

    private final List<AutoCloseable> components;

    private final LocalGateway.Infrastructure infrastructure;

    private boolean closed;

    RunningGateway(List<ConfigurableApplicationContext> services, String devApiKey, List<AutoCloseable> components,
            LocalGateway.Infrastructure infrastructure) {
        this.services = services;
        this.devApiKey = devApiKey;
        this.components = components;
        this.infrastructure = infrastructure;
    }

    public String apiBaseUrl() {
        return "http://127.0.0.1:"
                + service(ApiServiceApplication.class).getEnvironment().getProperty("local.server.port");
    }

    public String devApiKey() {
        return devApiKey;
    }

    /**
     * The admin API's token ({@code /admin/v1}, and the CLI's
     * {@code GATEWAY_API_ADMIN_TOKEN}).
     */
    public String adminToken() {
        return infrastructure.adminToken();
    }

    public String devTenantId() {
        return LocalGatewayOptions.DEV_TENANT;
    }

    /** The development tenant's webhook signing secret ({@code whsec_...}). */
    public String webhookSigningSecret() {
        return Services.signingSecret(service(CallbackServiceApplication.class), devTenantId());
    }

    /**
     * The simulator a provider runs on, unless the provider uses its real API or external
     * simulators run.
     */
    public java.util.Optional<com.aimedia.gateway.simulators.ProviderSimulator> simulator(String provider) {
        return components.stream()
            .filter(Simulators.class::isInstance)
            .map(Simulators.class::cast)
            .flatMap(simulators -> simulators.all().stream())
            .filter(simulator -> simulator.provider().equals(provider))
            .findFirst();
    }

    /**
     * What the embedded MongoDB answered by scanning a whole collection (empty in memory
     * or with an external MongoDB).
     */
    public java.util.Optional<QueryScans> queryScans() {
        return components.stream()
            .filter(EmbeddedMongo.class::isInstance)
            .map(EmbeddedMongo.class::cast)
            .flatMap(mongo -> mongo.scans().stream())
            .findFirst();
    }

    public ConfigurableApplicationContext service(Class<?> applicationClass) {
        return services.stream()
            .filter(context -> context.getBeanNamesForType(applicationClass).length > 0)
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no such service: " + applicationClass.getSimpleName()));
    }

    String banner() {
        String base = apiBaseUrl();
        return """

                ==================================================================
                 Media task gateway is ready (embedded default)
                   API base URL ........... %s
                   Development API key .... %s
                   Webhook signing secret . %s
                   Admin API token ........ %s
                   Kafka .................. %s
                   MongoDB ................ %s
                 Try:
                   curl -s %s/v1/task/submit -H 'Authorization: Bearer %s' \\
                     -H 'Content-Type: application/json' \\
                     -d '{"model":"kling-v2","input":{"prompt":"a red fox in snow"}}'
                 Admin API (tenants, keys):
                   curl -s %s/admin/v1/tenants -H 'Authorization: Bearer %s'
                 Press Ctrl-C to stop.
                ==================================================================
                """.formatted(base, devApiKey, webhookSigningSecret(), infrastructure.adminToken(),
                infrastructure.kafkaBootstrapServers(), infrastructure.mongoUri(), base, devApiKey, base,
                infrastructure.adminToken());
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            LocalGateway.closeAll(components);
        }
    }

}
