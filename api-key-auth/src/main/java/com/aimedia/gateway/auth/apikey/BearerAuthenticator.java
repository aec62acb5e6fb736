package com.aimedia.gateway.auth.apikey;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.Document;
import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.platform.mongo.RecentReads;
import com.aimedia.gateway.web.problems.ApiProblemException;
import com.aimedia.gateway.web.problems.ErrorCode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

/**
 * Resolves {@code Authorization: Bearer <key>} to a tenant id through {@code api_keys},
 * or refuses with the service's 401 code. Only reads the collection: api-service owns and
 * writes it. Never logs a key.
 * <p>
 * A key found valid may be answered from memory for a short time ({@link RecentReads}): a
 * key revoked ({@code revoked_at} set) through a replica that called
 * {@link #forgetKeys()} is refused by that replica from the next request on and by the
 * others within their cache time. Without a cache time every request reads MongoDB (one
 * lookup by {@code _id}) and a revocation holds everywhere from the next request on. An
 * unknown key is read every time, so a new key works at once everywhere.
 */
public final class BearerAuthenticator {

    public static final String COLLECTION = "api_keys";

    public static final String TENANT_ID = "tenant_id";

    public static final String KEY_ID = "key_id";

    public static final String SCOPES = "scopes";

    public static final String REVOKED_AT = "revoked_at";

    private static final Pattern BEARER = Pattern.compile("(?i)bearer +([\\x21-\\x7e]{1,512})");

    /** More keys than this are not cached all at once; the cache starts over. */
    static final int MAX_CACHED = 100_000;

    private final MongoCollection<Document> keys;

    private final ErrorCode unauthorized;

    private final RecentReads<String, ApiKeyIdentity> validKeys;

    /**
     * Reads MongoDB on every request.
     * @param unauthorized the service's own 401 code, so the answer carries that
     * service's code set
     */
    public BearerAuthenticator(MongoDatabase database, ErrorCode unauthorized) {
        this(database, unauthorized, Duration.ZERO, Clock.systemUTC());
    }

    /**
     * @param unauthorized the service's own 401 code, so the answer carries that
     * service's code set
     * @param cacheTime how long a key found valid is answered from memory
     */
    public BearerAuthenticator(MongoDatabase database, ErrorCode unauthorized, Duration cacheTime, Clock clock) {
        this.keys = database.getCollection(COLLECTION);
        this.unauthorized = unauthorized;
        this.validKeys = new RecentReads<>(cacheTime, MAX_CACHED, clock);
    }

    /**
     * This replica wrote {@code api_keys} (a revocation, a rotation, a key moved to
     * another tenant): no key is answered from memory until it was read again.
     */
    public void forgetKeys() {
        validKeys.forgetAll();
    }

    /**
     * @return the tenant id of the key
     */
    public String authenticate(@Nullable String authorization) {
        return identify(authorization).tenantId();
    }

    /**
     * @return the key's id, tenant and scopes
     */
    public ApiKeyIdentity identify(@Nullable String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw unauthorized("Missing API key: send Authorization: Bearer <api key>.");
        }
        Matcher matcher = BEARER.matcher(authorization.strip());
        if (!matcher.matches()) {
            throw unauthorized("Malformed Authorization header: expected Bearer <api key>.");
        }
        return find(matcher.group(1)).orElseThrow(() -> unauthorized("Invalid API key."));
    }

    private Optional<ApiKeyIdentity> find(String apiKey) {
        return validKeys.get(ApiKeyHash.of(apiKey), this::read);
    }

    private Optional<ApiKeyIdentity> read(String hash) {
        Document found = keys.find(Filters.and(Filters.eq("_id", hash), Filters.exists(REVOKED_AT, false)))
            .projection(Projections.include(TENANT_ID, KEY_ID, SCOPES))
            .first();
        return Optional.ofNullable(found).map(document -> toIdentity(hash, document));
    }

    private static ApiKeyIdentity toIdentity(String hash, Document document) {
        String keyId = document.getString(KEY_ID);
        List<String> scopes = document.getList(SCOPES, String.class);
        // A key written by hand before keys had ids is named by its hash's prefix, which
        // reveals nothing usable.
        return new ApiKeyIdentity(keyId == null ? "key_legacy_" + hash.substring(0, 16) : keyId,
                document.getString(TENANT_ID), scopes == null ? null : Set.copyOf(scopes));
    }

    private ApiProblemException unauthorized(String detail) {
        return new ApiProblemException(unauthorized, detail);
    }

}
