package com.aimedia.gateway.api.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The models the gateway accepts, loaded from one classpath JSON resource per provider
 * ({@code catalog/providers/<provider>.json}), each with the JSON Schema of its input
 * ({@code catalog/schemas/<name>.json}). Adding a provider means adding its file. Public
 * model ids and their aliases resolve to a provider model here and nowhere else. Any
 * mistake in the resources fails the start-up.
 *
 * <p>
 * Besides fixed ids, a catalog file may declare {@code patterns}: a family of ids sharing
 * a prefix (Replicate's {@code replicate/<owner>/<name>[:<version>]}). An id that starts
 * with {@code prefix} and fully matches {@code id_regex} resolves to the pattern's
 * provider, kind and schema, with the rest of the id after the prefix as its provider
 * model. {@link #models()} lists a pattern once, under its display {@code id}.
 */
public final class ModelCatalog {

    /** Every provider's catalog file. */
    public static final String DEFAULT_RESOURCES = "classpath*:catalog/providers/*.json";

    private static final String SCHEMA_DIRECTORY = "catalog/schemas/";

    private static final Pattern PROVIDER = Pattern.compile("[a-z0-9-]+");

    private final Map<String, CatalogModel> models;

    private final List<ModelPattern> patterns;

    private final Map<String, JsonNode> schemas;

    private ModelCatalog(Map<String, CatalogModel> models, List<ModelPattern> patterns, Map<String, JsonNode> schemas) {
        this.models = models;
        this.patterns = patterns;
        this.schemas = schemas;
    }

    /**
     * A family of ids: {@code listed} is how it appears in {@link #models()} (its display
     * id and template fields).
     */
    private record ModelPattern(String prefix, Pattern regex, CatalogModel listed) {

        Optional<CatalogModel> resolve(String id) {
            if (!id.startsWith(prefix) || !regex.matcher(id).matches()) {
                return Optional.empty();
            }
            return Optional.of(new CatalogModel(id, listed.provider(), id.substring(prefix.length()), listed.kind(),
                    listed.inputSchema(), listed.note()));
        }
    }

    /**
     * Loads every catalog file matching the pattern, e.g. {@link #DEFAULT_RESOURCES}, in
     * file name order.
     */
    public static ModelCatalog fromClasspath(JsonMapper mapper, String pattern) {
        Resource[] resources;
        try {
            resources = new PathMatchingResourcePatternResolver().getResources(pattern);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot list catalog resources " + pattern, e);
        }
        if (resources.length == 0) {
            throw new IllegalStateException("catalog resource not found on the classpath: " + pattern);
        }
        Arrays.sort(resources, Comparator.comparing(resource -> String.valueOf(resource.getFilename())));
        Map<String, CatalogModel> models = new LinkedHashMap<>();
        List<ModelPattern> patterns = new ArrayList<>();
        Map<String, JsonNode> schemas = new LinkedHashMap<>();
        for (Resource resource : resources) {
            String name = String.valueOf(resource.getFilename());
            JsonNode file = read(mapper, resource, name);
            for (JsonNode entry : file.path("models")) {
                CatalogModel model = toModel(entry, name);
                if (models.putIfAbsent(model.id(), model) != null) {
                    throw new IllegalStateException(name + ": duplicate model id " + model.id());
                }
                loadSchema(mapper, schemas, model);
            }
            for (JsonNode entry : file.path("patterns")) {
                ModelPattern modelPattern = toPattern(entry, name);
                patterns.add(modelPattern);
                loadSchema(mapper, schemas, modelPattern.listed());
            }
        }
        if (models.isEmpty() && patterns.isEmpty()) {
            throw new IllegalStateException(pattern + ": no models");
        }
        return new ModelCatalog(Collections.unmodifiableMap(models), List.copyOf(patterns), schemas);
    }

    private static void loadSchema(JsonMapper mapper, Map<String, JsonNode> schemas, CatalogModel model) {
        String schema = SCHEMA_DIRECTORY + model.inputSchema() + ".json";
        schemas.computeIfAbsent(model.inputSchema(), ignored -> read(mapper, new ClassPathResource(schema), schema));
    }

    /**
     * A fixed id first; otherwise the first pattern whose prefix and regex match the
     * whole id.
     */
    public Optional<CatalogModel> find(String id) {
        CatalogModel model = models.get(id);
        if (model != null) {
            return Optional.of(model);
        }
        for (ModelPattern modelPattern : patterns) {
            Optional<CatalogModel> resolved = modelPattern.resolve(id);
            if (resolved.isPresent()) {
                return resolved;
            }
        }
        return Optional.empty();
    }

    /**
     * The model's id as a metric tag value: a fixed catalog id as is, a pattern model (a
     * tenant-chosen Replicate id) under its pattern's display id, so tags stay within the
     * catalog's size whatever tenants send.
     */
    public String metricId(CatalogModel model) {
        if (models.containsKey(model.id())) {
            return model.id();
        }
        return patterns.stream()
            .filter(modelPattern -> modelPattern.resolve(model.id()).isPresent())
            .map(modelPattern -> modelPattern.listed().id())
            .findFirst()
            .orElse("other");
    }

    /** Every model in catalog order, then each pattern once under its display id. */
    public Collection<CatalogModel> models() {
        List<CatalogModel> all = new ArrayList<>(models.values());
        patterns.forEach(modelPattern -> all.add(modelPattern.listed()));
        return Collections.unmodifiableList(all);
    }

    public Set<String> providers() {
        Set<String> providers = new TreeSet<>();
        models().forEach(model -> providers.add(model.provider()));
        return providers;
    }

    /** The JSON Schema named by {@link CatalogModel#inputSchema()}. */
    public JsonNode inputSchema(CatalogModel model) {
        return Objects
            .requireNonNull(schemas.get(model.inputSchema()),
                    () -> "no input schema " + model.inputSchema() + " for model " + model.id())
            .deepCopy();
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
        JsonNode note = entry.get("note");
        return new CatalogModel(id, provider, text(entry, "provider_model", resource), kind,
                text(entry, "input_schema", resource), note == null || note.isNull() ? null : note.asString());
    }

    private static ModelPattern toPattern(JsonNode entry, String resource) {
        CatalogModel listed = toModel(entry, resource);
        String prefix = text(entry, "prefix", resource);
        Pattern regex;
        try {
            regex = Pattern.compile(text(entry, "id_regex", resource));
        }
        catch (java.util.regex.PatternSyntaxException e) {
            throw new IllegalStateException(resource + ": id_regex of " + listed.id() + " is not a valid regex", e);
        }
        if (!listed.id().startsWith(prefix) || regex.matcher(listed.id()).matches()) {
            throw new IllegalStateException(resource + ": pattern " + listed.id()
                    + " must start with its prefix and must not itself be a matching id");
        }
        return new ModelPattern(prefix, regex, listed);
    }

    private static String text(JsonNode entry, String field, String resource) {
        JsonNode value = entry.get(field);
        if (value == null || !value.isString() || value.asString().isBlank()) {
            throw new IllegalStateException(
                    resource + ": every model needs a non-empty string " + field + ": " + entry);
        }
        return value.asString();
    }

    private static JsonNode read(JsonMapper mapper, Resource file, String name) {
        if (!file.exists()) {
            throw new IllegalStateException("catalog resource not found on the classpath: " + name);
        }
        try (InputStream in = file.getInputStream()) {
            return mapper.readTree(in);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read catalog resource " + name, e);
        }
    }

}
