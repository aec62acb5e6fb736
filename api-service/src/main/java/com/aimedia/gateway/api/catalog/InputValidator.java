package com.aimedia.gateway.api.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;

import tools.jackson.databind.JsonNode;

import com.aimedia.gateway.web.problems.FieldProblem;

/**
 * Validates a model's {@code input} against the model's JSON Schema (draft 2020-12,
 * networknt json-schema-validator) and reports each problem with its field path
 * ({@code input.prompt}). Schemas may carry an {@code errorMessage} object (keyword to
 * message) for friendlier messages.
 */
public final class InputValidator {

    /** Enough to fix a request; more would only make the answer large. */
    static final int MAX_PROBLEMS = 20;

    private final Map<String, Schema> schemas = new HashMap<>();

    public InputValidator(ModelCatalog catalog) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().errorMessageKeyword("errorMessage").build()));
        for (CatalogModel model : catalog.models()) {
            schemas.computeIfAbsent(model.inputSchema(), name -> {
                Schema schema = registry.getSchema(catalog.inputSchema(model));
                schema.initializeValidators();
                return schema;
            });
        }
    }

    /** The problems of this input for this model; empty if it is valid. */
    public List<FieldProblem> validate(CatalogModel model, JsonNode input) {
        if (!input.isObject()) {
            return List.of(new FieldProblem("input", "must be a JSON object"));
        }
        List<FieldProblem> problems = new ArrayList<>();
        // every model of the catalog got its schema in the constructor; another catalog's
        // model is a programming error
        Schema schema = Objects.requireNonNull(schemas.get(model.inputSchema()),
                () -> "no input schema " + model.inputSchema() + " for model " + model.id());
        for (Error error : schema.validate(input)) {
            if (problems.size() == MAX_PROBLEMS) {
                break;
            }
            problems.add(toProblem(error));
        }
        return problems;
    }

    private static FieldProblem toProblem(Error error) {
        String field = fieldPath(error.getInstanceLocation());
        String keyword = error.getKeyword() == null ? "" : error.getKeyword();
        return switch (keyword) {
            case "required" -> new FieldProblem(field + "." + error.getProperty(),
                    error.isCustomMessage() ? error.getMessage() : "is required");
            case "additionalProperties" ->
                new FieldProblem(field + "." + error.getProperty(), "is not a supported input field for this model");
            default -> new FieldProblem(field, error.getMessage());
        };
    }

    private static String fieldPath(NodePath location) {
        StringBuilder path = new StringBuilder("input");
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Integer index) {
                path.append('[').append(index).append(']');
            }
            else {
                path.append('.').append(element);
            }
        }
        return path.toString();
    }

}
