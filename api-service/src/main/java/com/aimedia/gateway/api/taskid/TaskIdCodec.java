package com.aimedia.gateway.api.taskid;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and verifies task ids: {@code task_} + base32hex of [6 bytes unix millis,
 * big-endian][10 random bytes] [10 bytes of HMAC-SHA256(secret, tenantId + ":" + the 16
 * preceding bytes)]. An id therefore proves which tenant it was issued to and when,
 * without a database lookup, cannot be guessed, and sorts by creation time.
 */
public class TaskIdCodec {

    public static final String PREFIX = "task_";

    private static final int TIME_BYTES = 6;

    private static final int RANDOM_BYTES = 10;

    private static final int MAC_BYTES = 10;

    private static final int BODY_BYTES = TIME_BYTES + RANDOM_BYTES;

    private static final int ID_BYTES = BODY_BYTES + MAC_BYTES;

    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec key;

    private final Clock clock;

    private final SecureRandom random;

    TaskIdCodec(TaskIdProperties properties, Clock clock, SecureRandom random) {
        this.key = new SecretKeySpec(properties.secret().getBytes(StandardCharsets.UTF_8), HMAC);
        this.clock = clock;
        this.random = random;
    }

    public TaskId issue(String tenantId) {
        long millis = clock.millis();
        byte[] body = new byte[BODY_BYTES];
        ByteBuffer.wrap(body).putShort((short) (millis >>> 32)).putInt((int) millis);
        byte[] randomPart = new byte[RANDOM_BYTES];
        random.nextBytes(randomPart);
        System.arraycopy(randomPart, 0, body, TIME_BYTES, RANDOM_BYTES);
        byte[] id = Arrays.copyOf(body, ID_BYTES);
        System.arraycopy(mac(tenantId, body), 0, id, BODY_BYTES, MAC_BYTES);
        return new TaskId(PREFIX + Base32Hex.encode(id), Instant.ofEpochMilli(millis));
    }

    /**
     * The id if it is well formed and was issued to this tenant; empty otherwise
     * (compared in constant time).
     */
    public Optional<TaskId> verify(String id, String tenantId) {
        if (!id.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Optional<byte[]> decoded = Base32Hex.decode(id.substring(PREFIX.length()), ID_BYTES);
        if (decoded.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = decoded.get();
        byte[] body = Arrays.copyOf(bytes, BODY_BYTES);
        byte[] given = Arrays.copyOfRange(bytes, BODY_BYTES, ID_BYTES);
        if (!MessageDigest.isEqual(mac(tenantId, body), given)) {
            return Optional.empty();
        }
        return Optional.of(new TaskId(id, Instant.ofEpochMilli(millisOf(body))));
    }

    private static long millisOf(byte[] body) {
        long millis = 0;
        for (int i = 0; i < TIME_BYTES; i++) {
            millis = (millis << 8) | (body[i] & 0xff);
        }
        return millis;
    }

    private byte[] mac(String tenantId, byte[] body) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            mac.update((tenantId + ":").getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(mac.doFinal(body), MAC_BYTES);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

}
