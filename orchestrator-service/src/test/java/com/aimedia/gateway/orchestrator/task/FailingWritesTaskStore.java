package com.aimedia.gateway.orchestrator.task;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.MongoSocketWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoDatabase;

/**
 * The real store, whose next bulk writes can be made to fail as if the connection to
 * MongoDB broke.
 */
public class FailingWritesTaskStore extends TaskStore {

    private final AtomicInteger toFail = new AtomicInteger();

    private final AtomicInteger failed = new AtomicInteger();

    public FailingWritesTaskStore(MongoDatabase database) {
        super(database);
    }

    public void failNextBulkWrites(int count) {
        toFail.set(count);
    }

    public int failedBulkWrites() {
        return failed.get();
    }

    @Override
    Set<String> writeAll(List<TaskWrite> writes, Instant now) {
        if (!writes.isEmpty() && toFail.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            failed.incrementAndGet();
            throw new MongoSocketWriteException("connection reset (test)", new ServerAddress(), new RuntimeException());
        }
        return super.writeAll(writes, now);
    }

}
