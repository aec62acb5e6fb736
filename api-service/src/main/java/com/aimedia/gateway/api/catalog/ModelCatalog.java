package com.aimedia.gateway.api.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The models the gateway accepts, loaded from a classpath JSON resource ({@code catalog/models.json}), each with the
 * JSON Schema of its input ({@code catalog/schemas/<name>.json}). Adding a provider means adding entries there. Public
 * model ids and their aliases resolve to a provider model here and nowhere else. Any mistake in the resources fails
 * the start-up.
 */
public final class ModelCatalog {

    public static final String DEFAULT_RESOURCE = "catalog/models.json";
    private static final String SCHEMA_DIRECTORY = "catalog/schemas/";
    private static final Pattern PROVIDER = Pattern.compile("[a-z0-9-]+");

    private final Map<String, CatalogModel> models;
    private final Map<String, JsonNode> schemas;

    private ModelCatalog(Map<String, CatalogModel> models, Map<String, JsonNode> schemas) {
        this.models = models;
        this.schemas = schemas;
    }

    public static ModelCatalog fromClasspath(JsonMapper mapper, String resource) {
        JsonNode root = read(mapper, resource);
        Map<String, CatalogModel> models = new LinkedHashMap<>();
        Map<String, JsonNode> schemas = new LinkedHashMap<>();
        for (JsonNode entry : root.path("models")) {
            CatalogModel model = toModel(entry, resource);
            if (models.putIfAbsent(model.id(), model) != null) {
                throw new IllegalStateException(resource + ": duplicate model id " + model.id());
            }
            schemas.computeIfAbsent(model.inputSchema(), name -> read(mapper, SCHEMA_DIRECTORY + name + ".json"));
        }
        if (models.isEmpty()) {
            throw new IllegalStateException(resource + ": no models");
        }
        return new ModelCatalog(Collections.unmodifiableMap(models), schemas);
    }

    public Optional<CatalogModel> find(String id) {
        return Optional.ofNullable(models.get(id));
    }

    /** Every model, in catalog order. */
    public Collection<CatalogModel> models() {
        return models.values();
    }

    public Set<String> providers() {
        Set<String> providers = new TreeSet<>();
        models.values().forEach(model -> providers.add(model.provider()));
        return providers;
    }

    /** The JSON Schema named by {@link CatalogModel#inputSchema()}. */
    public JsonNode inputSchema(CatalogModel model) {
        return schemas.get(model.inputSchema()).deepCopy();
    }

    private static CatalogModel toModel(JsonNode entry, String resource) {
        String id = text(entry, "id", resource);
        String provider = text(entry, "provider", resource);
        if (!PROVIDER.matcher(provider).matches()) {
            throw new IllegalStateException(resource + ": provider of " + id + " must match " + PROVIDER);
        }
        ModelKind kind;
        try {
            kind = ModelKind.valueOf(text(entry, "kind", resource).toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            throw new IllegalStateException(resource + ": kind of " + id + " must be video, image or audio", e);
        }
        return new CatalogModel(id, provider, text(entry, "provider_model", resource), kind,
                text(entry, "input_schema", resource));
    }

    private static String text(JsonNode entry, String field, String resource) {
        JsonNode value = entry.get(field);
        if (value == null || !value.isString() || value.asString().isBlank()) {
            throw new IllegalStateException(resource + ": every model needs a non-empty string " + field + ": " + entry);
        }
        return value.asString();
    }

    private static JsonNode read(JsonMapper mapper, String resource) {
        ClassPathResource file = new ClassPathResource(resource);
        if (!file.exists()) {
            throw new IllegalStateException("catalog resource not found on the classpath: " + resource);
        }
        try (InputStream in = file.getInputStream()) {
            return mapper.readTree(in);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read catalog resource " + resource, e);
        }
    }
}
