package com.aimedia.gateway.api.tenants;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Which models a tenant may run. Each list, when set, restricts; when null, it does not.
 * A model must pass every set list: its provider must be in {@code providers}, its id in
 * {@code models}, and a Replicate model's owner in {@code replicateOwners}.
 *
 * @param providers provider ids, e.g. {@code kling}, {@code replicate}
 * @param models public model ids, e.g. {@code kling-v2},
 * {@code replicate/black-forest-labs/flux-schnell}
 * @param replicateOwners Replicate owners whose models the tenant may run, e.g.
 * {@code black-forest-labs}
 */
public record ModelAccess(@Nullable List<String> providers, @Nullable List<String> models,
        @Nullable List<String> replicateOwners) {

    public static final ModelAccess UNRESTRICTED = new ModelAccess(null, null, null);

    public ModelAccess {
        providers = providers == null ? null : List.copyOf(providers);
        models = models == null ? null : List.copyOf(models);
        replicateOwners = replicateOwners == null ? null : List.copyOf(replicateOwners);
    }

    /** Whether the model may run, its Replicate owner (if any) taken from its id. */
    public boolean allows(String modelId, String provider) {
        return allows(modelId, provider, replicateOwner(modelId));
    }

    /**
     * The owner of a Replicate model id ({@code replicate/<owner>/<name>[:<version>]}),
     * else null.
     */
    public static @Nullable String replicateOwner(String modelId) {
        String prefix = "replicate/";
        if (!modelId.startsWith(prefix)) {
            return null;
        }
        String rest = modelId.substring(prefix.length());
        return rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
    }

    /**
     * @param modelId the public id the client sent
     * @param provider the model's provider
     * @param replicateOwner the owner of a Replicate model
     * ({@code replicate/<owner>/<name>}), else null
     */
    public boolean allows(String modelId, String provider, @Nullable String replicateOwner) {
        if (providers != null && !providers.contains(provider)) {
            return false;
        }
        if (models != null && !models.contains(modelId)) {
            return false;
        }
        // Replicate owner names are case-insensitive, as on replicate.com.
        return replicateOwner == null || replicateOwners == null
                || replicateOwners.stream().anyMatch(owner -> owner.equalsIgnoreCase(replicateOwner));
    }
}
