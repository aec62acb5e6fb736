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
 * Submits tasks over every provider while a fault happens, then checks the guarantees:
 * the set of tasks that got a 200 at submit equals the set that reached a terminal state
 * equals the set whose final, signed webhook arrived; every task the gateway holds ends
 * terminal (also one whose 200 a crash swallowed); every provider created exactly one job
 * per task that reached it (an uncertain submission may have left one job without a
 * recorded id, never two); no task document lacks its owner. Other answers at submit must
 * be a 503 with Retry-After or a refused connection, never a 500.
 */
final class FaultWorkload {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Set<String> TERMINAL = Set.of("completed", "failed");

    /** What one run showed, for the assertions and docs/reliability.md. */
    record Result(String scenario, int accepted, int refused, Duration recovery, Map<String, Integer> outcomes,
            Map<String, Long> jobs) {

        @Override
        public String toString() {
            return ("%s: accepted=%d refused=%d, all terminal and delivered %.1f s after the fault ended, outcomes=%s, "
                    + "provider jobs so far=%s")
                .formatted(scenario, accepted, refused, recovery.toMillis() / 1000.0, new java.util.TreeMap<>(outcomes),
                        new java.util.TreeMap<>(jobs));
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

    private String lastRefusal = "";

    FaultWorkload(String apiBaseUrl, String apiKey, WebhookReceiver receiver, Supplier<Map<String, Long>> providerJobs,
            Supplier<String> mongoUri) {
        this.client = new GatewayClient(apiBaseUrl, apiKey);
        this.receiver = receiver;
        this.providerJobs = providerJobs;
        this.mongoUri = mongoUri;
        this.cases = completingCasePerProvider();
    }

    /**
     * Submits {@code count} tasks, one every {@code pace}, running {@code fault} on
     * another thread once {@code faultAtAccepted} of them were accepted (in the middle of
     * the burst, however slow the machine); then waits until every accepted task is
     * terminal and delivered, and checks the guarantees.
     */
    Result run(String scenario, int count, Duration pace, int faultAtAccepted, Runnable fault, Duration timeout)
            throws Exception {
        begin();
        Thread faultThread = Thread.ofVirtual().start(() -> {
            Instant giveUp = Instant.now().plus(timeout);
            while (accepted.size() < faultAtAccepted && Instant.now().isBefore(giveUp)) {
                sleep(Duration.ofMillis(20));
            }
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
        assertThat(accepted).as("no submit was accepted; the last refusal: %s", lastRefusal).isNotEmpty();
        return new Result(scenario, accepted.size(), refusedStatuses.size(), recovery, outcomes(), jobs);
    }

    /**
     * One task to the end before any fault: every process has served once, and the
     * signing secret exists.
     */
    void warmUp() {
        timeToTerminal(cases.getFirst(), Duration.ofMinutes(2));
        signingSecret();
        begin();
    }

    /** Starts a new round: forgets the tasks of the last one. */
    void begin() {
        accepted.clear();
        refusedStatuses.clear();
    }

    /**
     * Waits until every task of the round is terminal and delivered, and every task the
     * gateway holds is terminal (a crash can lose the 200 of a task that was queued all
     * the same), checks the guarantees, and returns the jobs each provider's simulator
     * has created since it started.
     */
    Map<String, Long> settle(Duration timeout) {
        awaitTerminalAndDelivered(timeout);
        Map<String, Long> jobs = providerJobs.get();
        assertGuarantees(jobs);
        return jobs;
    }

    /**
     * The provider's completing case, with a prefix (e.g. a simulator failure marker) in
     * its prompt.
     */
    ProviderCase caseOf(String provider, String promptPrefix) {
        ProviderCase providerCase = cases.stream()
            .filter(c -> c.provider().equals(provider))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no completing case for " + provider));
        tools.jackson.databind.node.ObjectNode input = (tools.jackson.databind.node.ObjectNode) providerCase.input()
            .deepCopy();
        input.put("prompt", promptPrefix + input.path("prompt").asString(""));
        return new ProviderCase(provider, providerCase.name(), providerCase.model(), input, "completed", null,
                providerCase.contentType());
    }

    /** Submits one task; its id if accepted. */
    java.util.Optional<String> submit(ProviderCase providerCase) {
        int before = accepted.size();
        submitOne(providerCase);
        return accepted.size() > before ? java.util.Optional.of(accepted.getLast()) : java.util.Optional.empty();
    }

    /**
     * Submits one task and waits until GET shows it terminal: the end-to-end time a
     * client sees.
     */
    Duration timeToTerminal(ProviderCase providerCase, Duration timeout) {
        Instant started = Instant.now();
        String id = submit(providerCase).orElseThrow(() -> new AssertionError("submit refused"));
        while (!isTerminal(id)) {
            if (Duration.between(started, Instant.now()).compareTo(timeout) > 0) {
                throw new AssertionError(
                        "task " + id + " of " + providerCase.provider() + " not terminal after " + timeout);
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
        catch (UncheckedIOException e) {
            refusedStatuses.add(0); // the API process is down: connection refused
            lastRefusal = e.toString();
            return;
        }
        if (response.statusCode() == 200) {
            String id = JSON.readTree(response.body()).get("id").asString();
            accepted.add(id);
            providerOf.put(id, providerCase.provider());
            return;
        }
        assertThat(response.statusCode())
            .as("a refused submit answers 503, never %s: %s", response.statusCode(), response.body())
            .isEqualTo(503);
        assertThat(response.headers().firstValue("retry-after")).as("503 without Retry-After").isPresent();
        refusedStatuses.add(response.statusCode());
        lastRefusal = response.statusCode() + " " + response.body();
    }

    private void awaitTerminalAndDelivered(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Set<String> open = new HashSet<>(accepted);
        long unfinished = Long.MAX_VALUE;
        while (!open.isEmpty() || unfinished > 0) {
            Set<String> delivered = deliveredFinalStates();
            open.removeIf(id -> delivered.contains(id) && isTerminal(id));
            unfinished = open.isEmpty() ? countUnfinishedTasks() : unfinished;
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(open.size() + " of " + accepted.size() + " accepted tasks not terminal with "
                        + "their final webhook, and " + unfinished + " tasks not terminal, after " + timeout + ": "
                        + describe(open));
            }
            sleep(Duration.ofMillis(500));
        }
    }

    /** How the accepted tasks ended: "completed", or "failed:" and the error code. */
    private Map<String, Integer> outcomes() {
        Map<String, Integer> outcomes = new HashMap<>();
        for (String id : accepted) {
            HttpResponse<String> response = client.get(id);
            assertThat(response.statusCode()).as("GET %s: %s", id, response.body()).isEqualTo(200);
            JsonNode task = JSON.readTree(response.body());
            String status = task.get("status").asString();
            if (status.equals("failed")) {
                status += ":" + task.path("error").asString("");
            }
            outcomes.merge(status, 1, Integer::sum);
        }
        return outcomes;
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

    /**
     * Tasks the gateway holds that are not terminal yet (the database may be restarting:
     * then unknown).
     */
    private long countUnfinishedTasks() {
        try (MongoClient mongo = MongoClients.create(mongoUri.get())) {
            return tasks(mongo).countDocuments(Filters.nin("status", TERMINAL));
        }
        catch (RuntimeException e) {
            return Long.MAX_VALUE;
        }
    }

    private static MongoCollection<Document> tasks(MongoClient mongo) {
        return mongo.getDatabase("gateway").getCollection("tasks");
    }

    /**
     * Over every task the gateway holds, all terminal: no document without its owner;
     * each provider created as many jobs as there are distinct provider task ids
     * recorded, plus at most one per task failed as submission_uncertain.
     */
    private void assertGuarantees(Map<String, Long> jobs) {
        try (MongoClient mongo = MongoClients.create(mongoUri.get())) {
            MongoCollection<Document> tasks = tasks(mongo);
            assertThat(tasks.countDocuments(Filters.exists("tenant_id", false)))
                .as("task documents without their owner")
                .isZero();
            Map<String, Set<String>> providerTaskIds = new HashMap<>();
            Map<String, Integer> uncertain = new HashMap<>();
            for (Document task : tasks.find()) {
                String provider = task.getString("provider");
                String providerTaskId = task.getString("provider_task_id");
                if (providerTaskId != null) {
                    assertThat(providerTaskIds.computeIfAbsent(provider, p -> new HashSet<>()).add(providerTaskId))
                        .as("provider task %s of %s used by two tasks", providerTaskId, provider)
                        .isTrue();
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
