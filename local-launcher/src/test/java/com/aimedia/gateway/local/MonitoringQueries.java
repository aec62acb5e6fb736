package com.aimedia.gateway.local;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.ConfigurableApplicationContext;
import org.yaml.snakeyaml.Yaml;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The metric names the deploy files query (Prometheus alert rules and Grafana panels),
 * and the names the services publish on {@code /actuator/prometheus}, so a test can fail
 * on a query of a metric nobody publishes.
 */
final class MonitoringQueries {

    static final Path ALERTS = Path.of("..", "deploy", "prometheus", "alerts.yml");
    static final Path DASHBOARDS = Path.of("..", "deploy", "grafana", "dashboards");

    /** Series Prometheus makes up itself rather than scraping them. */
    static final Set<String> SYNTHETIC = Set.of("up", "scrape_duration_seconds", "scrape_samples_scraped");

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");

    private static final Pattern LABEL_MATCHERS = Pattern.compile("\\{[^}]*}");

    private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");

    private static final Pattern GROUPING = Pattern
        .compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");

    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
            "bool", "and", "or", "unless", "offset", "inf", "nan");

    private MonitoringQueries() {
    }

    /** The metric names one PromQL expression selects. */
    static Set<String> metricNames(String expression) {
        String rest = STRING.matcher(expression).replaceAll(" ");
        rest = LABEL_MATCHERS.matcher(rest).replaceAll(" ");
        rest = RANGES.matcher(rest).replaceAll(" ");
        rest = GROUPING.matcher(rest).replaceAll(" ");
        rest = rest.replaceAll("\\$\\w+", " ");
        Set<String> names = new TreeSet<>();
        Matcher identifiers = IDENTIFIER.matcher(rest);
        while (identifiers.find()) {
            String name = identifiers.group();
            boolean function = rest.substring(identifiers.end()).stripLeading().startsWith("(");
            boolean number = identifiers.start() > 0 && Character.isDigit(rest.charAt(identifiers.start() - 1));
            if (!function && !number && !KEYWORDS.contains(name.toLowerCase())) {
                names.add(name);
            }
        }
        return names;
    }

    /** The {@code expr} of every alerting and recording rule. */
    @SuppressWarnings("unchecked")
    static List<String> alertExpressions() throws IOException {
        List<String> expressions = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(ALERTS)) {
            Map<String, Object> rules = new Yaml().load(reader);
            for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
                for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                    expressions.add(String.valueOf(rule.get("expr")));
                }
            }
        }
        return expressions;
    }

    /**
     * The {@code expr} of every panel target of every provisioned dashboard (rows and
     * nested panels included).
     */
    static List<String> dashboardExpressions() throws IOException {
        List<String> expressions = new ArrayList<>();
        try (var files = Files.list(DASHBOARDS)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".json")).sorted().toList()) {
                collectTargets(JsonMapper.builder().build().readTree(file.toFile()), expressions);
            }
        }
        return expressions;
    }

    private static void collectTargets(JsonNode node, List<String> expressions) {
        if (node.isObject() && node.has("expr") && node.get("expr").isString()) {
            expressions.add(node.get("expr").asString());
        }
        for (JsonNode child : node.isObject() ? node.values() : node.isArray() ? node.values() : List.<JsonNode>of()) {
            collectTargets(child, expressions);
        }
    }

    /**
     * Every metric name (histogram series included) a running service exposes on its
     * Prometheus endpoint.
     */
    static Set<String> publishedNames(ConfigurableApplicationContext service) throws Exception {
        String port = service.getEnvironment()
            .getProperty("local.management.port", service.getEnvironment().getProperty("local.server.port"));
        HttpResponse<String> scrape = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString());
        if (scrape.statusCode() != 200) {
            throw new IllegalStateException("scrape of port " + port + " answered " + scrape.statusCode());
        }
        Set<String> names = new TreeSet<>();
        scrape.body().lines().filter(line -> !line.isBlank() && !line.startsWith("#")).forEach(line -> {
            Matcher name = IDENTIFIER.matcher(line);
            if (name.lookingAt()) {
                names.add(name.group());
            }
        });
        return names;
    }

}
