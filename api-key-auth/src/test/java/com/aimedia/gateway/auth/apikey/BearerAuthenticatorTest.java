package com.aimedia.gateway.auth.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import com.aimedia.gateway.testsupport.InMemoryMongo;
import com.aimedia.gateway.testsupport.MutableClock;
import com.aimedia.gateway.web.problems.ApiProblemException;
import com.aimedia.gateway.web.problems.ErrorCode;
import com.mongodb.client.MongoDatabase;

class BearerAuthenticatorTest {

    enum Code implements ErrorCode {

        UNAUTHORIZED;

        @Override
        public HttpStatus status() {
            return HttpStatus.UNAUTHORIZED;
        }

    }

    private final InMemoryMongo mongo = InMemoryMongo.start();

    private final MongoDatabase database = mongo.database();

    private final BearerAuthenticator authenticator = new BearerAuthenticator(database, Code.UNAUTHORIZED);

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void the_hash_is_hex_sha256() {
        assertThat(ApiKeyHash.of("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void a_known_key_resolves_to_its_tenant_whatever_the_scheme_case() {
        database.getCollection(BearerAuthenticator.COLLECTION)
            .insertOne(new Document("_id", ApiKeyHash.of("sk_test")).append("tenant_id", "tenant-a"));

        assertThat(authenticator.authenticate("bearer  sk_test ")).isEqualTo("tenant-a");
    }

    @Test
    void missing_malformed_and_unknown_keys_are_refused_with_the_service_code() {
        assertRefused(null, "Missing API key: send Authorization: Bearer <api key>.");
        assertRefused("Basic dXNlcg==", "Malformed Authorization header: expected Bearer <api key>.");
        assertRefused("Bearer sk_unknown", "Invalid API key.");
    }

    @Test
    void should_refuse_a_key_when_it_is_revoked() {
        // given
        var keys = database.getCollection(BearerAuthenticator.COLLECTION);
        keys.insertOne(new Document("_id", ApiKeyHash.of("sk_gone")).append("tenant_id", "tenant-a")
            .append("key_id", "key_1"));
        assertThat(authenticator.authenticate("Bearer sk_gone")).isEqualTo("tenant-a");

        // when
        keys.updateOne(new Document("_id", ApiKeyHash.of("sk_gone")),
                new Document("$set", new Document("revoked_at", new java.util.Date())));

        // then
        assertRefused("Bearer sk_gone", "Invalid API key.");
    }

    @Test
    void should_carry_key_id_and_scopes_when_the_key_has_them() {
        // given
        var keys = database.getCollection(BearerAuthenticator.COLLECTION);
        keys.insertOne(new Document("_id", ApiKeyHash.of("sk_scoped")).append("tenant_id", "tenant-a")
            .append("key_id", "key_1")
            .append("scopes", java.util.List.of("read")));
        keys.insertOne(new Document("_id", ApiKeyHash.of("sk_old")).append("tenant_id", "tenant-b"));

        // when
        ApiKeyIdentity scoped = authenticator.identify("Bearer sk_scoped");
        ApiKeyIdentity old = authenticator.identify("Bearer sk_old");

        // then
        assertThat(scoped.keyId()).isEqualTo("key_1");
        assertThat(scoped.allows("read")).isTrue();
        assertThat(scoped.allows("submit")).isFalse();
        assertThat(old.keyId()).startsWith("key_legacy_").doesNotContain("sk_old");
        assertThat(old.allows("submit")).isTrue();
    }

    @Test
    void should_answer_a_valid_key_from_memory_for_the_cache_time_unless_this_replica_changed_keys() {
        // given: two replicas that cache keys for a second, both have read the key
        MutableClock clock = new MutableClock(Instant.parse("2026-12-06T12:00:00Z"));
        BearerAuthenticator revoking = new BearerAuthenticator(database, Code.UNAUTHORIZED, Duration.ofSeconds(1),
                clock);
        BearerAuthenticator other = new BearerAuthenticator(database, Code.UNAUTHORIZED, Duration.ofSeconds(1), clock);
        var keys = database.getCollection(BearerAuthenticator.COLLECTION);
        keys.insertOne(new Document("_id", ApiKeyHash.of("sk_leaked")).append("tenant_id", "tenant-a")
            .append("key_id", "key_1"));
        assertThat(revoking.authenticate("Bearer sk_leaked")).isEqualTo("tenant-a");
        assertThat(other.authenticate("Bearer sk_leaked")).isEqualTo("tenant-a");

        // when: revoked through the first one
        keys.updateOne(new Document("_id", ApiKeyHash.of("sk_leaked")),
                new Document("$set", new Document("revoked_at", new java.util.Date())));
        revoking.forgetKeys();

        // then: refused there at once, by the other once its read is a second old
        assertRefused(revoking, "Bearer sk_leaked", "Invalid API key.");
        assertThat(other.authenticate("Bearer sk_leaked")).isEqualTo("tenant-a");
        clock.advance(Duration.ofSeconds(1));
        assertRefused(other, "Bearer sk_leaked", "Invalid API key.");
    }

    @Test
    void should_accept_a_new_key_at_once_when_an_unknown_one_was_refused_before() {
        // given
        BearerAuthenticator caching = new BearerAuthenticator(database, Code.UNAUTHORIZED, Duration.ofSeconds(10),
                new MutableClock(Instant.parse("2026-12-06T12:00:00Z")));
        assertRefused(caching, "Bearer sk_new", "Invalid API key.");

        // when
        database.getCollection(BearerAuthenticator.COLLECTION)
            .insertOne(new Document("_id", ApiKeyHash.of("sk_new")).append("tenant_id", "tenant-a"));

        // then
        assertThat(caching.authenticate("Bearer sk_new")).isEqualTo("tenant-a");
    }

    private void assertRefused(String authorization, String detail) {
        assertRefused(authenticator, authorization, detail);
    }

    private static void assertRefused(BearerAuthenticator authenticator, String authorization, String detail) {
        assertThatThrownBy(() -> authenticator.authenticate(authorization)).isInstanceOf(ApiProblemException.class)
            .satisfies(e -> {
                assertThat(((ApiProblemException) e).code()).isEqualTo(Code.UNAUTHORIZED);
                assertThat(((ApiProblemException) e).detail()).isEqualTo(detail);
            });
    }

}
