package com.aimedia.gateway.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.standardwebhooks.Webhook;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Submits tasks over every provider while a fault happens, then checks the guarantees: the set of tasks that got a
 * 200 at submit equals the set that reached a terminal state equals the set whose final, signed webhook arrived;
 * every provider created exactly one job per task that reached it (an uncertain submission may have left one job
 * without a recorded id, never two); no task document lacks its owner. Other answers at submit must be a 503 with
 * Retry-After or a refused connection, never a 500.
 */
final class FaultWorkload {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> TERMINAL = Set.of("completed", "failed");

    /** What one run showed, for the assertions and docs/reliability.md. */
    record Result(String scenario, int accepted, int refused, Duration recovery, Map<String, Long> jobs) {

        @Override
        public String toString() {
            return "%s: accepted=%d refused=%d all terminal and delivered %.1f s after the fault ended, provider jobs=%s"
                .formatted(scenario, accepted, refused, recovery.toMillis() / 1000.0, jobs);
        }
    }

    private final GatewayClient client;
    private final WebhookReceiver receiver;
    private final Supplier<Map<String, Long>> providerJobs;
    private final Supplier<String> mongoUri;
    private final List<ProviderCase> cases;
    private final Map<String, String> providerOf = new ConcurrentHashMap<>();
    private final List<String> accepted = new CopyOnWriteArrayList<>();
    private final List<Integer> refusedStatuses = new CopyOnWriteArrayList<>();
    private String cachedSecret = "";
    private Map<String, Long> jobsAtBegin = Map.of();

    FaultWorkload(String apiBaseUrl, String apiKey, WebhookReceiver receiver, Supplier<Map<String, Long>> providerJobs,
            Supplier<String> mongoUri) {
        this.client = new GatewayClient(apiBaseUrl, apiKey);
        this.receiver = receiver;
        this.providerJobs = providerJobs;
        this.mongoUri = mongoUri;
        this.cases = completingCasePerProvider();
    }

    /**
     * Submits {@code count} tasks, one every {@code pace}, running {@code fault} on another thread {@code faultAfter}
     * into the burst; then waits until every accepted task is terminal and delivered, and checks the guarantees.
     */
    Result run(String scenario, int count, Duration pace, Duration faultAfter, Runnable fault, Duration timeout)
            throws Exception {
        begin();
        Thread faultThread = Thread.ofVirtual().start(() -> {
            sleep(faultAfter);
            fault.run();
        });
        for (int i = 0; i < count; i++) {
            submitOne(cases.get(i % cases.size()));
            sleep(pace);
        }
        faultThread.join();
        Instant faultEnded = Instant.now();
        Map<String, Long> jobs = settle(timeout);
        Duration recovery = Duration.between(faultEnded, Instant.now());
        return new Result(scenario, accepted.size(), refusedStatuses.size(), recovery, jobs);
    }

    /** Starts a new round: forgets the tasks of the last one and notes the simulators' counts. */
    void begin() {
        accepted.clear();
        refusedStatuses.clear();
        jobsAtBegin = providerJobs.get();
    }

    /** Waits until every task of the round is terminal and delivered, checks the guarantees, returns the job counts. */
    Map<String, Long> settle(Duration timeout) {
        awaitTerminalAndDelivered(timeout);
        Map<String, Long> jobs = delta(jobsAtBegin, providerJobs.get());
        assertGuarantees(jobs);
        return jobs;
    }

    /** The provider's completing case, with a prefix (e.g. a simulator failure marker) in its prompt. */
    ProviderCase caseOf(String provider, String promptPrefix) {
        ProviderCase providerCase = cases.stream().filter(c -> c.provider().equals(provider)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no completing case for " + provider));
        tools.jackson.databind.node.ObjectNode input = (tools.jackson.databind.node.ObjectNode) providerCase.input()
            .deepCopy();
        input.put("prompt", promptPrefix + input.path("prompt").asString(""));
        return new ProviderCase(provider, providerCase.name(), providerCase.model(), input, "completed", null);
    }

    /** Submits one task; its id if accepted. */
    java.util.Optional<String> submit(ProviderCase providerCase) {
        int before = accepted.size();
        submitOne(providerCase);
        return accepted.size() > before ? java.util.Optional.of(accepted.getLast()) : java.util.Optional.empty();
    }

    /** Submits one task and waits until GET shows it terminal: the end-to-end time a client sees. */
    Duration timeToTerminal(ProviderCase providerCase, Duration timeout) {
        Instant started = Instant.now();
        String id = submit(providerCase).orElseThrow(() -> new AssertionError("submit refused"));
        while (!isTerminal(id)) {
            if (Duration.between(started, Instant.now()).compareTo(timeout) > 0) {
                throw new AssertionError("task " + id + " of " + providerCase.provider() + " not terminal after " + timeout);
            }
            sleep(Duration.ofMillis(50));
        }
        return Duration.between(started, Instant.now());
    }

    private void submitOne(ProviderCase providerCase) {
        String body = "{\"model\":" + JSON.writeValueAsString(providerCase.model()) + ",\"input\":"
                + providerCase.input() + ",\"callback_url\":\"" + receiver.url("/hooks") + "\"}";
        HttpResponse<String> response;
        try {
            response = client.submit(body);
        }
        catch (UncheckedIOException | IllegalStateException e) {
            refusedStatuses.add(0); // the API process is down: connection refused
            return;
        }
        if (response.statusCode() == 200) {
            String id = JSON.readTree(response.body()).get("id").asString();
            accepted.add(id);
            providerOf.put(id, providerCase.provider());
            return;
        }
        assertThat(response.statusCode()).as("a refused submit answers 503, never %s: %s", response.statusCode(),
                response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("retry-after")).as("503 without Retry-After").isPresent();
        refusedStatuses.add(response.statusCode());
    }

    private void awaitTerminalAndDelivered(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Set<String> open = new HashSet<>(accepted);
        while (!open.isEmpty()) {
            Set<String> delivered = deliveredFinalStates();
            open.removeIf(id -> delivered.contains(id) && isTerminal(id));
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(open.size() + " of " + accepted.size() + " accepted tasks not terminal with "
                        + "their final webhook after " + timeout + ": " + describe(open));
            }
            sleep(Duration.ofMillis(500));
        }
    }

    private boolean isTerminal(String taskId) {
        try {
            HttpResponse<String> response = client.get(taskId);
            return response.statusCode() == 200
                    && TERMINAL.contains(JSON.readTree(response.body()).get("status").asString());
        }
        catch (UncheckedIOException e) {
            return false;
        }
    }

    /** Task ids with a verified webhook for a terminal state. */
    private Set<String> deliveredFinalStates() {
        Webhook verifier = new Webhook(signingSecret());
        Set<String> delivered = new HashSet<>();
        for (WebhookReceiver.Received webhook : receiver.received()) {
            try {
                verifier.verify(webhook.body(), webhook.headers());
            }
            catch (Exception e) {
                throw new AssertionError("a webhook does not verify: " + webhook.body(), e);
            }
            JsonNode body = JSON.readTree(webhook.body());
            if (TERMINAL.contains(body.get("status").asString())) {
                delivered.add(body.get("id").asString());
            }
        }
        return delivered;
    }

    private String signingSecret() {
        if (cachedSecret.isEmpty()) {
            HttpResponse<String> response = client.webhookSecret();
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            cachedSecret = JSON.readTree(response.body()).get("secret").asString();
        }
        return cachedSecret;
    }

    private void assertGuarantees(Map<String, Long> jobs) {
        try (MongoClient mongo = MongoClients.create(mongoUri.get())) {
            MongoCollection<Document> tasks = mongo.getDatabase("gateway").getCollection("tasks");
            assertThat(tasks.countDocuments(Filters.exists("tenant_id", false)))
                .as("task documents without their owner").isZero();
            Map<String, Set<String>> providerTaskIds = new HashMap<>();
            Map<String, Integer> uncertain = new HashMap<>();
            for (Document task : tasks.find(Filters.in("_id", accepted))) {
                String provider = task.getString("provider");
                String providerTaskId = task.getString("provider_task_id");
                if (providerTaskId != null) {
                    assertThat(providerTaskIds.computeIfAbsent(provider, p -> new HashSet<>()).add(providerTaskId))
                        .as("provider task %s of %s used by two tasks", providerTaskId, provider).isTrue();
                }
                if ("submission_uncertain".equals(task.getString("error_code"))) {
                    uncertain.merge(provider, 1, Integer::sum);
                }
            }
            for (Map.Entry<String, Long> created : jobs.entrySet()) {
                int recorded = providerTaskIds.getOrDefault(created.getKey(), Set.of()).size();
                assertThat(created.getValue()).as("provider jobs of %s", created.getKey())
                    .isBetween((long) recorded, (long) recorded + uncertain.getOrDefault(created.getKey(), 0));
            }
        }
    }

    private String describe(Set<String> open) {
        Map<String, String> states = new LinkedHashMap<>();
        open.stream().limit(10).forEach(id -> {
            try {
                states.put(id + "(" + providerOf.get(id) + ")", client.get(id).body());
            }
            catch (UncheckedIOException e) {
                states.put(id, "unreachable");
            }
        });
        return states.toString();
    }

    private static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new HashMap<>();
        after.forEach((provider, count) -> delta.put(provider, count - before.getOrDefault(provider, 0L)));
        return delta;
    }

    /** The first case of each provider that completes without a failure marker. */
    private static List<ProviderCase> completingCasePerProvider() {
        Map<String, ProviderCase> first = new LinkedHashMap<>();
        for (ProviderCase providerCase : ProviderCase.all()) {
            if (providerCase.expect().equals("completed") && !providerCase.input().toString().contains("[sim:")) {
                first.putIfAbsent(providerCase.provider(), providerCase);
            }
        }
        return new ArrayList<>(first.values());
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
