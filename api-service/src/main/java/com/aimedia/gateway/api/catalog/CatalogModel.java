package com.aimedia.gateway.api.catalog;

import org.jspecify.annotations.Nullable;

/**
 * One public model id and what it resolves to.
 *
 * @param id the public model id clients send
 * @param provider the provider id, lowercase (the suffix of
 * tasks.submitted.&lt;provider&gt;)
 * @param providerModel the provider's own model name (aliases resolve here)
 * @param kind what the model produces
 * @param inputSchema the name of the JSON Schema its input is validated against
 * @param note why an id maps where it does (e.g. a seed id the provider no longer lists),
 * or null
 */
public record CatalogModel(String id, String provider, String providerModel, ModelKind kind, String inputSchema,
        @Nullable String note) {
}
