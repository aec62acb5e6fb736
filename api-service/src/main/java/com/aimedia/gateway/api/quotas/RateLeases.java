package com.aimedia.gateway.api.quotas;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * One replica's admissions against the shared one-second {@link RateWindows}. Under a
 * large limit a replica counts several requests in the window at once (a lease of
 * {@link #leaseSize} of them, 1 per 100 of the limit, at most 50) and admits the next
 * ones from that lease without a write; under a limit of 199 or less every request is
 * counted on its own, as without leases.
 * <p>
 * The shared count includes every leased request, so the requests admitted across all
 * replicas never exceed the limit. What a lease costs: requests a replica leased and did
 * not receive before the second ended are lost for that second, so at the edge of a limit
 * other replicas may refuse up to (lease size - 1) requests per replica too early, under
 * 1% of the limit each. Once a window is known to be full, this replica refuses until the
 * next second without asking MongoDB again.
 */
@Component
class RateLeases {

    static final int MAX_LEASE = 50;

    /** More subjects than this and the leases start over (each lease is safe alone). */
    static final int MAX_SUBJECTS = 10_000;

    private final RateWindows windows;

    private final Map<String, Lease> leases = new ConcurrentHashMap<>();

    RateLeases(RateWindows windows) {
        this.windows = windows;
    }

    /**
     * Admits one request of the subject in the current second, or not.
     * @return the requests the limit still allows this second as this replica knows it
     * after this one; negative if this request is over the limit
     */
    long admit(String subject, int limit, Instant now) {
        if (leases.size() >= MAX_SUBJECTS) {
            leases.clear();
        }
        Lease lease = leases.computeIfAbsent(subject, name -> new Lease());
        synchronized (lease) {
            return lease.admit(subject, limit, now);
        }
    }

    /** Requests leased at once under this limit. */
    static int leaseSize(int limit) {
        return Math.max(1, Math.min(MAX_LEASE, limit / 100));
    }

    /** Guarded by itself. */
    private final class Lease {

        private long second = Long.MIN_VALUE;

        /** The shared count after this replica's last increment in this second. */
        private long counted;

        /** Leased requests not handed out yet. */
        private long available;

        long admit(String subject, int limit, Instant now) {
            long current = now.getEpochSecond();
            if (current != second) {
                second = current;
                counted = 0;
                available = 0;
            }
            if (available == 0) {
                if (counted >= limit) {
                    return -1;
                }
                int size = leaseSize(limit);
                counted = windows.increment(subject, now, size);
                // of the leased requests, those the count places within the limit
                available = Math.max(0, Math.min(size, limit - (counted - size)));
                if (available == 0) {
                    return -1;
                }
            }
            available--;
            return limit - (counted - available);
        }

    }

}
