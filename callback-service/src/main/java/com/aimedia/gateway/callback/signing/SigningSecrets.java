package com.aimedia.gateway.callback.signing;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;

/**
 * Per-tenant webhook signing secrets in {@code webhook_secrets}: {@code {_id: tenant_id,
 * secrets: [{secret, created_at, expires_at?}], revision}}, newest secret first. A
 * tenant's first secret is created on first use. A rotation puts a new secret first and
 * lets the previous one expire after an overlap, during which every webhook carries both
 * signatures. At most {@value #MAX_ACTIVE} secrets are active (what Standard Webhooks
 * senders keep): a rotation during an overlap ends the oldest secret at once, so repeated
 * rotations cannot pile up signatures. Each entry is stored sealed by the
 * {@link SecretCipher} (envelope encryption) when a key is configured.
 */
public class SigningSecrets {

    static final String COLLECTION = "webhook_secrets";

    private static final Logger log = LoggerFactory.getLogger(SigningSecrets.class);

    private static final int SECRET_BYTES = 32;

    private static final int MAX_CONFLICTS = 10;
    static final int MAX_ACTIVE = 2;

    private final MongoCollection<Document> collection;

    private final Clock clock;

    private final SecretCipher cipher;

    private final SecureRandom random = new SecureRandom();

    /** Secrets stored without encryption (tests and the embedded default). */
    public SigningSecrets(MongoDatabase database, Clock clock) {
        this(database, clock, SecretCipher.plaintext());
    }

    public SigningSecrets(MongoDatabase database, Clock clock, SecretCipher cipher) {
        this.collection = database.getCollection(COLLECTION);
        this.clock = clock;
        this.cipher = cipher;
    }

    /** The tenant's newest secret ({@code whsec_...}), created on first use. */
    public String currentSecret(String tenantId) {
        return activeSecrets(tenantId).getFirst();
    }

    /** Every secret that still signs, newest first; never empty. */
    public List<String> activeSecrets(String tenantId) {
        Instant now = clock.instant();
        List<String> active = secretsOf(findOrCreate(tenantId)).stream()
            .filter(secret -> secret.activeAt(now))
            .map(StoredSecret::secret)
            .toList();
        if (active.isEmpty()) {
            throw new IllegalStateException("no active signing secret for tenant " + tenantId);
        }
        return active;
    }

    /**
     * Every secret that still signs, newest first, with when it stops signing (absent:
     * the current one).
     */
    public List<ActiveSecret> activeSecretDetails(String tenantId) {
        Instant now = clock.instant();
        return secretsOf(findOrCreate(tenantId)).stream()
            .filter(secret -> secret.activeAt(now))
            .map(secret -> new ActiveSecret(secret.secret(), secret.createdAt(), secret.expiresAt()))
            .toList();
    }

    /** A signing secret as its tenant sees it. */
    public record ActiveSecret(String secret, Instant createdAt, @Nullable Instant expiresAt) {
    }

    /**
     * Creates a new secret that signs from now on; the older secrets keep signing for
     * {@code overlap} (or until they expire earlier), then stop. Returns the new secret.
     */
    public String rotate(String tenantId, Duration overlap) {
        if (overlap.isNegative()) {
            throw new IllegalArgumentException("overlap must not be negative");
        }
        for (int attempt = 0; attempt < MAX_CONFLICTS; attempt++) {
            Document current = findOrCreate(tenantId);
            Instant now = clock.instant();
            StoredSecret fresh = newSecret(now);
            List<Document> next = new ArrayList<>();
            next.add(fresh.toDocument(cipher, tenantId));
            // the newest of the older secrets keeps signing through the overlap; any
            // older one stops now
            secretsOf(current).stream()
                .map(old -> old.expiringBy(now.plus(overlap)))
                .filter(expiring -> expiring.activeAt(now))
                .limit(MAX_ACTIVE - 1)
                .forEach(kept -> next.add(kept.toDocument(cipher, tenantId)));
            long revision = revisionOf(current);
            long modified = collection
                .updateOne(and(eq("_id", tenantId), eq("revision", revision)),
                        Updates.combine(Updates.set("secrets", next), Updates.set("revision", revision + 1)))
                .getModifiedCount();
            if (modified == 1) {
                log.info("webhook signing secret rotated tenantId={} overlap={}", tenantId, overlap);
                return fresh.secret();
            }
        }
        throw new IllegalStateException("signing secret of tenant " + tenantId + " changed concurrently; retry");
    }

    private Document findOrCreate(String tenantId) {
        Document existing = collection.find(eq("_id", tenantId)).first();
        if (existing != null) {
            return existing;
        }
        Document created = new Document("_id", tenantId)
            .append("secrets", List.of(newSecret(clock.instant()).toDocument(cipher, tenantId)))
            .append("revision", 0L);
        try {
            collection.insertOne(created);
            log.info("webhook signing secret created tenantId={}", tenantId);
            return created;
        }
        catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            Document winner = collection.find(eq("_id", tenantId)).first();
            if (winner == null) {
                throw new IllegalStateException("signing secret of tenant " + tenantId + " vanished", e);
            }
            return winner;
        }
    }

    private StoredSecret newSecret(Instant now) {
        byte[] key = new byte[SECRET_BYTES];
        random.nextBytes(key);
        return new StoredSecret(WebhookSigner.SECRET_PREFIX + Base64.getEncoder().encodeToString(key), now, null);
    }

    private static long revisionOf(Document document) {
        Object revision = document.get("revision");
        return revision instanceof Number number ? number.longValue() : 0L;
    }

    private List<StoredSecret> secretsOf(Document document) {
        String tenantId = document.getString("_id");
        return document.getList("secrets", Document.class, List.of())
            .stream()
            .map(entry -> StoredSecret.of(entry, cipher.open(tenantId, entry)))
            .toList();
    }

    /** One entry of {@code secrets}. */
    record StoredSecret(String secret, Instant createdAt, @Nullable Instant expiresAt) {

        static StoredSecret of(Document document, String secret) {
            Date expires = document.getDate("expires_at");
            return new StoredSecret(secret, document.getDate("created_at").toInstant(),
                    expires == null ? null : expires.toInstant());
        }

        boolean activeAt(Instant now) {
            return expiresAt == null || expiresAt.isAfter(now);
        }

        StoredSecret expiringBy(Instant deadline) {
            return expiresAt != null && expiresAt.isBefore(deadline) ? this
                    : new StoredSecret(secret, createdAt, deadline);
        }

        Document toDocument(SecretCipher cipher, String tenantId) {
            Document document = cipher.seal(tenantId, secret).append("created_at", Date.from(createdAt));
            if (expiresAt != null) {
                document.append("expires_at", Date.from(expiresAt));
            }
            return document;
        }
    }

}
