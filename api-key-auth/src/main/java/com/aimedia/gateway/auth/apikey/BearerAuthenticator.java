package com.aimedia.gateway.auth.apikey;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.Document;
import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.web.problems.ApiProblemException;
import com.aimedia.gateway.web.problems.ErrorCode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

/**
 * Resolves {@code Authorization: Bearer <key>} to a tenant id through {@code api_keys}, or refuses with the
 * service's 401 code. Only reads the collection: api-service owns and writes it. Never logs a key.
 */
public final class BearerAuthenticator {

    public static final String COLLECTION = "api_keys";

    private static final Pattern BEARER = Pattern.compile("(?i)bearer +([\\x21-\\x7e]{1,512})");

    private final MongoCollection<Document> keys;
    private final ErrorCode unauthorized;

    /** @param unauthorized the service's own 401 code, so the answer carries that service's code set */
    public BearerAuthenticator(MongoDatabase database, ErrorCode unauthorized) {
        this.keys = database.getCollection(COLLECTION);
        this.unauthorized = unauthorized;
    }

    /** @return the tenant id of the key */
    public String authenticate(@Nullable String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw unauthorized("Missing API key: send Authorization: Bearer <api key>.");
        }
        Matcher matcher = BEARER.matcher(authorization.strip());
        if (!matcher.matches()) {
            throw unauthorized("Malformed Authorization header: expected Bearer <api key>.");
        }
        return findTenantId(matcher.group(1)).orElseThrow(() -> unauthorized("Invalid API key."));
    }

    private Optional<String> findTenantId(String apiKey) {
        Document found = keys.find(Filters.eq("_id", ApiKeyHash.of(apiKey)))
            .projection(Projections.include("tenant_id"))
            .first();
        return Optional.ofNullable(found).map(document -> document.getString("tenant_id"));
    }

    private ApiProblemException unauthorized(String detail) {
        return new ApiProblemException(unauthorized, detail);
    }
}
