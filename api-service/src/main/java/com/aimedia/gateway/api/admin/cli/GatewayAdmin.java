package com.aimedia.gateway.api.admin.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The admin API from a shell. Only the JDK: it runs as a single source file. It reads the
 * API's base URL from {@code GATEWAY_ADMIN_URL} (default {@code http://127.0.0.1:8080})
 * and the token from {@code GATEWAY_API_ADMIN_TOKEN}, prints the JSON answer on stdout,
 * and exits 0 on success, 1 when the API refused (its problem on stderr) and 2 on a usage
 * error.
 */
public final class GatewayAdmin {

    static final String USAGE = """
            usage: gateway-admin <command> [arguments]
              tenants create <tenant-id> [--name NAME] [limit options] [model options]
              tenants list
              tenants show <tenant-id>
              tenants update <tenant-id> [--name NAME] [limit options] [model options]
              keys create <tenant-id> [--name NAME] [--scopes submit,read,webhooks-admin]
              keys list <tenant-id>
              keys rename <tenant-id> <key-id> <name>
              keys revoke <tenant-id> <key-id>
              keys rotate <tenant-id> <key-id>
            limit options (a number, or "default"): --requests-per-second --tasks-in-flight
              --key-requests-per-second --key-tasks-in-flight   (given ones replace all limits)
            model options (comma-separated, or "any"): --providers --models --replicate-owners
              (given ones replace the tenant's whole model access)
            environment: GATEWAY_ADMIN_URL (default http://127.0.0.1:8080), GATEWAY_API_ADMIN_TOKEN (required)
            """;

    private static final List<String> LIMITS = List.of("requests-per-second", "tasks-in-flight",
            "key-requests-per-second", "key-tasks-in-flight");

    private static final List<String> ACCESS = List.of("providers", "models", "replicate-owners");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String baseUrl;

    private final String token;

    private final PrintStream out;

    private final PrintStream err;

    GatewayAdmin(String baseUrl, String token, PrintStream out, PrintStream err) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.token = token;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /**
     * @return the exit code
     */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        String token = env.get("GATEWAY_API_ADMIN_TOKEN");
        if (token == null || token.isBlank()) {
            err.println("GATEWAY_API_ADMIN_TOKEN is not set");
            return 2;
        }
        GatewayAdmin admin = new GatewayAdmin(env.getOrDefault("GATEWAY_ADMIN_URL", "http://127.0.0.1:8080"), token,
                out, err);
        try {
            return admin.dispatch(List.of(args));
        }
        catch (UsageException e) {
            err.println(e.getMessage());
            err.print(USAGE);
            return 2;
        }
        catch (IOException e) {
            err.println("cannot reach the gateway: " + e);
            return 1;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private int dispatch(List<String> args) throws IOException, InterruptedException {
        if (args.size() < 2) {
            throw new UsageException("missing command");
        }
        Options options = Options.parse(args.subList(2, args.size()));
        String command = args.get(0) + " " + args.get(1);
        return switch (command) {
            case "tenants create" -> send("POST", "/tenants", tenantBody(options, options.positional(0, "tenant-id")));
            case "tenants list" -> send("GET", "/tenants", null);
            case "tenants show" -> send("GET", "/tenants/" + segment(options.positional(0, "tenant-id")), null);
            case "tenants update" ->
                send("PATCH", "/tenants/" + segment(options.positional(0, "tenant-id")), tenantBody(options, null));
            case "keys create" -> send("POST", keys(options), keyBody(options));
            case "keys list" -> send("GET", keys(options), null);
            case "keys rename" ->
                send("PATCH", key(options, ""), "{\"name\":" + quote(options.positional(2, "name")) + "}");
            case "keys revoke" -> send("POST", key(options, "/revoke"), null);
            case "keys rotate" -> send("POST", key(options, "/rotate"), null);
            default -> throw new UsageException("unknown command: " + command);
        };
    }

    private static String keys(Options options) {
        return "/tenants/" + segment(options.positional(0, "tenant-id")) + "/keys";
    }

    private static String key(Options options, String action) {
        return keys(options) + "/" + segment(options.positional(1, "key-id")) + action;
    }

    private static String tenantBody(Options options, @Nullable String id) {
        List<String> fields = new ArrayList<>();
        if (id != null) {
            fields.add("\"id\":" + quote(id));
        }
        if (options.named.containsKey("name")) {
            fields.add("\"name\":" + quote(options.named.get("name")));
        }
        if (LIMITS.stream().anyMatch(options.named::containsKey)) {
            List<String> limits = new ArrayList<>();
            for (String limit : LIMITS) {
                String value = options.named.getOrDefault(limit, "default");
                if (!value.equals("default") && !value.matches("[0-9]{1,9}")) {
                    throw new UsageException("--" + limit + " must be a number or \"default\"");
                }
                limits.add(quote(limit.replace('-', '_')) + ":" + (value.equals("default") ? "null" : value));
            }
            fields.add("\"limits\":{" + String.join(",", limits) + "}");
        }
        if (ACCESS.stream().anyMatch(options.named::containsKey)) {
            List<String> access = new ArrayList<>();
            for (String list : ACCESS) {
                String value = options.named.getOrDefault(list, "any");
                access.add(quote(list.replace('-', '_')) + ":" + (value.equals("any") ? "null" : array(value)));
            }
            fields.add("\"model_access\":{" + String.join(",", access) + "}");
        }
        return "{" + String.join(",", fields) + "}";
    }

    private static String keyBody(Options options) {
        List<String> fields = new ArrayList<>();
        fields.add("\"name\":" + quote(options.named.getOrDefault("name", "unnamed key")));
        if (options.named.containsKey("scopes")) {
            fields.add("\"scopes\":" + array(options.named.get("scopes")));
        }
        return "{" + String.join(",", fields) + "}";
    }

    private int send(String method, String path, @Nullable String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/admin/v1" + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        else {
            request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 == 2) {
            out.println(response.body());
            return 0;
        }
        err.println("HTTP " + response.statusCode() + ": " + response.body());
        return 1;
    }

    private static String array(String commaSeparated) {
        List<String> items = new ArrayList<>();
        for (String item : commaSeparated.split(",")) {
            if (!item.isBlank()) {
                items.add(quote(item.strip()));
            }
        }
        return "[" + String.join(",", items) + "]";
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String quote(String value) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    }
                    else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }

    /** Positional arguments and {@code --name value} options. */
    private record Options(List<String> positional, Map<String, String> named) {

        static Options parse(List<String> args) {
            List<String> positional = new ArrayList<>();
            Map<String, String> named = new LinkedHashMap<>();
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (arg.startsWith("--")) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException(arg + " needs a value");
                    }
                    named.put(arg.substring(2), args.get(++i));
                }
                else {
                    positional.add(arg);
                }
            }
            return new Options(positional, named);
        }

        String positional(int index, String name) {
            if (index >= positional.size()) {
                throw new UsageException("missing <" + name + ">");
            }
            return positional.get(index);
        }
    }

    private static final class UsageException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message, null, false, false);
        }

    }

}
