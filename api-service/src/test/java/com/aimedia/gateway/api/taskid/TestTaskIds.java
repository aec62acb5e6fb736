package com.aimedia.gateway.api.taskid;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Task ids issued at a chosen time, with the service's secret: what a client kept from a
 * submit long ago.
 */
public final class TestTaskIds {

    private TestTaskIds() {
    }

    public static String issuedAt(String secret, String tenantId, Instant at) {
        return new TaskIdCodec(new TaskIdProperties(secret), Clock.fixed(at, ZoneOffset.UTC), new SecureRandom())
            .issue(tenantId)
            .value();
    }

}
