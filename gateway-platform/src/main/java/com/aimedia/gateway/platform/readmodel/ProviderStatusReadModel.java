package com.aimedia.gateway.platform.readmodel;

/**
 * The {@code provider_status} collection: written by provider-workers at start-up (one
 * document per provider it serves), read by api-service to refuse a provider's models at
 * submit when the provider has no credentials.
 */
public final class ProviderStatusReadModel {

    public static final String COLLECTION = "provider_status";

    /** The provider id, e.g. {@code kling}. */
    public static final String ID = "_id";

    /** Whether the worker has the provider's credentials (boolean). */
    public static final String CONFIGURED = "configured";

    public static final String UPDATED_AT = "updated_at";

    private ProviderStatusReadModel() {
    }

}
