package com.aimedia.gateway.api.admin;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import com.aimedia.gateway.api.auth.Scope;
import com.aimedia.gateway.api.tenants.ModelAccess;
import com.aimedia.gateway.api.tenants.TenantLimits;
import com.aimedia.gateway.api.tenants.TenantRepository;
import com.aimedia.gateway.api.web.ProblemCode;
import com.aimedia.gateway.web.problems.ApiProblemException;

/** Reads and checks the admin API's request bodies; every error names its field. */
final class AdminRequests {

    static final int MAX_NAME = 200;
    static final int MAX_LIMIT = 1_000_000;
    static final int MAX_LIST = 1_000;

    private static final List<String> LIMIT_FIELDS = List.of("requests_per_second", "tasks_in_flight",
            "key_requests_per_second", "key_tasks_in_flight");

    private static final List<String> ACCESS_FIELDS = List.of("providers", "models", "replicate_owners");

    private AdminRequests() {
    }

    record TenantChange(@Nullable String id, @Nullable String name, @Nullable TenantLimits limits,
            @Nullable ModelAccess modelAccess) {
    }

    record KeyRequest(@Nullable String name, Set<Scope> scopes) {
    }

    static TenantChange tenant(ObjectNode body, boolean create) {
        allowOnly(body, "",
                create ? List.of("id", "name", "limits", "model_access") : List.of("name", "limits", "model_access"));
        String id = null;
        if (create) {
            id = text(body, "id");
            if (id == null || !TenantRepository.TENANT_ID.matcher(id).matches()) {
                throw ApiProblemException.field(ProblemCode.INVALID_REQUEST, "id",
                        "is required: 1 to 63 characters of a-z, 0-9, - and _, starting with a letter or digit");
            }
        }
        return new TenantChange(id, name(body, false), limits(body.get("limits")), access(body.get("model_access")));
    }

    static KeyRequest key(ObjectNode body, boolean create) {
        allowOnly(body, "", create ? List.of("name", "scopes") : List.of("name"));
        return new KeyRequest(name(body, !create), scopes(body.get("scopes")));
    }

    private static @Nullable String name(ObjectNode body, boolean required) {
        String name = text(body, "name");
        if ((name == null && required) || (name != null && (name.isBlank() || name.length() > MAX_NAME))) {
            throw ApiProblemException.field(ProblemCode.INVALID_REQUEST, "name",
                    (required ? "is required: " : "must be ") + "1 to " + MAX_NAME + " characters");
        }
        return name;
    }

    private static @Nullable TenantLimits limits(@Nullable JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        ObjectNode limits = object(node, "limits");
        allowOnly(limits, "limits.", LIMIT_FIELDS);
        List<@Nullable Integer> values = new ArrayList<>();
        for (String field : LIMIT_FIELDS) {
            JsonNode value = limits.get(field);
            if (value == null || value.isNull()) {
                values.add(null);
            }
            else if (value.isIntegralNumber() && value.canConvertToInt() && value.asInt() >= 1
                    && value.asInt() <= MAX_LIMIT) {
                values.add(value.asInt());
            }
            else {
                throw ApiProblemException.field(ProblemCode.INVALID_REQUEST, "limits." + field,
                        "must be an integer from 1 to " + MAX_LIMIT + ", or null for the gateway's default");
            }
        }
        return new TenantLimits(values.get(0), values.get(1), values.get(2), values.get(3));
    }

    private static @Nullable ModelAccess access(@Nullable JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        ObjectNode access = object(node, "model_access");
        allowOnly(access, "model_access.", ACCESS_FIELDS);
        return new ModelAccess(strings(access, "providers"), strings(access, "models"),
                strings(access, "replicate_owners"));
    }

    private static @Nullable List<String> strings(ObjectNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        String path = "model_access." + field;
        if (!node.isArray() || node.size() > MAX_LIST) {
            throw ApiProblemException.field(ProblemCode.INVALID_REQUEST, path,
                    "must be an array of at most " + MAX_LIST + " strings, or null for no restriction");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode element : node) {
            if (!element.isString() || element.asString().isBlank() || element.asString().length() > MAX_NAME) {
                throw ApiProblemException.field(ProblemCode.INVALID_REQUEST, path, "must hold non-empty strings");
            }
            values.add(element.asString());
        }
        return values;
    }

    private static Set<Scope> scopes(@Nullable JsonNode node) {
        if (node == null || node.isNull()) {
            return Set.of();
        }
        String allowed = String.join(", ", java.util.Arrays.stream(Scope.values()).map(Scope::wireName).toList());
        if (!node.isArray() || node.isEmpty()) {
            throw ApiProblemException.field(ProblemCode.INVALID_REQUEST, "scopes",
                    "must be a non-empty array of: " + allowed + " (leave it out for every scope)");
        }
        Set<Scope> scopes = new LinkedHashSet<>();
        for (JsonNode element : node) {
            scopes.add(Scope.fromWire(element.isString() ? element.asString() : "")
                .orElseThrow(() -> ApiProblemException.field(ProblemCode.INVALID_REQUEST, "scopes",
                        "has an unknown scope " + element + "; known: " + allowed)));
        }
        return scopes;
    }

    private static @Nullable String text(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw ApiProblemException.field(ProblemCode.INVALID_REQUEST, field, "must be a string");
        }
        return value.asString();
    }

    private static ObjectNode object(JsonNode node, String field) {
        if (!node.isObject()) {
            throw ApiProblemException.field(ProblemCode.INVALID_REQUEST, field, "must be an object");
        }
        return (ObjectNode) node;
    }

    private static void allowOnly(ObjectNode body, String prefix, List<String> known) {
        for (Map.Entry<String, JsonNode> entry : body.properties()) {
            if (!known.contains(entry.getKey())) {
                throw ApiProblemException.field(ProblemCode.UNKNOWN_FIELD, prefix + entry.getKey(),
                        "is not a known field; known: " + String.join(", ", known));
            }
        }
    }

}
