package com.aimedia.gateway.benchmarks;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * A closed-loop HTTP load generator: a fixed number of virtual threads, each sending its
 * next request as soon as the previous one answered, for a fixed time. Bounded in both,
 * and loopback only (the callers build loopback URLs).
 */
final class LoadGenerator implements AutoCloseable {

    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    private final HttpClient client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .executor(threads)
        .build();

    HttpClient client() {
        return client;
    }

    /**
     * @param requests builds the n-th request (n counts across all threads, from 0)
     * @param success which status codes count as success
     */
    LoadResult run(int concurrency, Duration duration, LongFunction<HttpRequest> requests, int success) {
        AtomicLong sequence = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Future<long[]>> workers = new ArrayList<>(concurrency);
        for (int i = 0; i < concurrency; i++) {
            workers.add(threads.submit(() -> loop(end, requests, sequence, failed, success)));
        }
        List<long[]> samples = new ArrayList<>(concurrency);
        for (Future<long[]> worker : workers) {
            samples.add(Futures.get(worker));
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        long[] all = samples.stream().flatMapToLong(Arrays::stream).toArray();
        return new LoadResult(concurrency, all.length, failed.get(), elapsed, new Latencies(all));
    }

    private long[] loop(long end, LongFunction<HttpRequest> requests, AtomicLong sequence, AtomicLong failed,
            int success) {
        long[] latencies = new long[1024];
        int count = 0;
        while (System.nanoTime() < end) {
            HttpRequest request = requests.apply(sequence.getAndIncrement());
            long sent = System.nanoTime();
            try {
                HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() != success) {
                    failed.incrementAndGet();
                    continue;
                }
            }
            catch (IOException e) {
                failed.incrementAndGet();
                continue;
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = System.nanoTime() - sent;
        }
        return Arrays.copyOf(latencies, count);
    }

    @Override
    public void close() {
        client.close();
        threads.close();
    }

}
