package com.aimedia.gateway.callback.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.Document;
import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.callback.web.ProblemCode;
import com.aimedia.gateway.web.problems.ApiProblemException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

/**
 * Resolves {@code Authorization: Bearer <key>} to a tenant through {@code api_keys} ({@code _id} = hex SHA-256 of
 * the key), which the api-service owns: this service only reads it. Never logs a key.
 */
final class ApiKeyAuthenticator {

    private static final Pattern BEARER = Pattern.compile("(?i)bearer +([\\x21-\\x7e]{1,512})");

    private final MongoCollection<Document> keys;

    ApiKeyAuthenticator(MongoDatabase database) {
        this.keys = database.getCollection("api_keys");
    }

    Tenant authenticate(@Nullable String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw unauthorized("Missing API key: send Authorization: Bearer <api key>.");
        }
        Matcher matcher = BEARER.matcher(authorization.strip());
        if (!matcher.matches()) {
            throw unauthorized("Malformed Authorization header: expected Bearer <api key>.");
        }
        return findTenantId(matcher.group(1)).map(Tenant::new).orElseThrow(() -> unauthorized("Invalid API key."));
    }

    private Optional<String> findTenantId(String apiKey) {
        Document found = keys.find(Filters.eq("_id", hash(apiKey))).projection(Projections.include("tenant_id")).first();
        return Optional.ofNullable(found).map(document -> document.getString("tenant_id"));
    }

    static String hash(String apiKey) {
        try {
            return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static ApiProblemException unauthorized(String detail) {
        return new ApiProblemException(ProblemCode.UNAUTHORIZED, detail);
    }
}
