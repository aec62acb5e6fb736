package com.aimedia.gateway.api.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

import com.aimedia.gateway.api.auth.Tenant;
import com.aimedia.gateway.api.web.ProblemCode;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String API_KEY = "apiKey";
    static final String ADMIN_TOKEN = "adminToken";
    static final String PROBLEM = "Problem";

    static {
        // Tenant is resolved from the Authorization header, not a request parameter.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Tenant.class);
    }

    @Bean
    OpenAPI gatewayOpenApi() {
        return new OpenAPI()
            .info(new Info().title("Media task gateway API")
                .version("v1")
                .description("One asynchronous task API in front of the AI media-generation providers."))
            .servers(List.of(new Server().url("/")))
            .components(new Components()
                .addSecuritySchemes(API_KEY,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP)
                            .scheme("bearer")
                            .description("A tenant API key: Authorization: Bearer sk_..."))
                .addSecuritySchemes(ADMIN_TOKEN,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP)
                            .scheme("bearer")
                            .description("The admin credential (GATEWAY_API_ADMIN_TOKEN), for /admin/v1 only")));
    }

    /**
     * Security, the hand-read request bodies, and the problem answer with every code as
     * an example.
     */
    @Bean
    OpenApiCustomizer gatewayOperations() {
        return openApi -> {
            Components components = openApi.getComponents();
            components.addSchemas(PROBLEM, problemSchema());
            Map<String, Example> examples = new LinkedHashMap<>();
            for (ProblemCode code : ProblemCode.values()) {
                Example example = new Example().summary(code.status().value() + " " + code.code())
                    .value(Map.of("title", code.status().getReasonPhrase(), "status", code.status().value(), "code",
                            code.code(), "detail", "A sentence for people about what went wrong."));
                components.addExamples("problem_" + code.code(), example);
                examples.put(code.code(), new Example().$ref("#/components/examples/problem_" + code.code()));
            }
            openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
                operation.addSecurityItem(
                        new SecurityRequirement().addList(path.startsWith("/admin/") ? ADMIN_TOKEN : API_KEY));
                operation.getResponses()
                    .addApiResponse("default",
                            new ApiResponse().description("An error: RFC 9457 problem details with a stable code")
                                .content(new Content().addMediaType("application/problem+json",
                                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))
                                            .examples(examples))));
            }));
            Map<String, Object> answers = ResponseExamples.all();
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                ApiResponse ok = operation.getResponses().get("200");
                Object example = answers.get(method.name() + " " + path);
                if (ok != null && example != null && ok.getContent() != null) {
                    ok.getContent().values().forEach(media -> media.example(example));
                }
                else if (ok != null && example != null) {
                    ok.content(new Content().addMediaType("application/json",
                            new MediaType().schema(new Schema<>().type("object")).example(example)));
                }
            }));
            Map<String, Object> taskBodies = taskBodies();
            openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
                ApiResponse ok = operation.getResponses().get("200");
                Object example = taskBodies.get(path);
                if (ok != null && example != null) {
                    // these answers are pre-rendered JSON bytes: say what they hold
                    ok.content(new Content().addMediaType("application/json",
                            new MediaType().schema(new Schema<>().type("object")).example(example)));
                }
            }));
            RequestBodies.all().forEach((path, body) -> {
                var item = openApi.getPaths().get(path);
                Operation post = item == null ? null : item.getPost() != null ? item.getPost() : item.getPatch();
                if (post != null) {
                    post.requestBody(body);
                }
            });
        };
    }

    /**
     * Examples of the task bodies the task endpoints answer with (written by hand as the
     * orchestrator renders them).
     */
    private static Map<String, Object> taskBodies() {
        Map<String, Object> queued = new LinkedHashMap<>();
        queued.put("id", "task_06h1q7v4lq0ps3t0000000000000000000000000");
        queued.put("status", "queued");
        queued.put("created_at", 1795689664);
        queued.put("version", 1);
        queued.put("updated_at", 1795689664);
        Map<String, Object> failed = new LinkedHashMap<>(queued);
        failed.put("status", "failed");
        failed.put("completed_at", 1795689670);
        failed.put("error", "The task was cancelled by its owner.");
        failed.put("error_code", "cancelled");
        failed.put("retryable", false);
        failed.put("version", 1000);
        failed.put("updated_at", 1795689670);
        Map<String, Object> completed = new LinkedHashMap<>(queued);
        completed.put("status", "completed");
        completed.put("completed_at", 1795689672);
        completed.put("outputs",
                List.of("http://127.0.0.1:8081/files/task_06h1.../0.mp4?expires=1796294472&signature=..."));
        completed.put("metadata", Map.of("order_id", "o-17"));
        completed.put("version", 1000);
        completed.put("updated_at", 1795689672);
        return Map.of("/v1/task/submit", queued, "/v1/task/{taskId}", completed, "/v1/task/{taskId}/cancel", failed,
                "/v1/tasks", Map.of("object", "list", "data", List.of(completed), "has_more", true, "next_cursor",
                        "MTc5NTY4OTY2NDAwMDp0YXNrXzA2aDE"));
    }

    private static Schema<Object> problemSchema() {
        Schema<Object> schema = new Schema<>();
        schema.type("object")
            .description("RFC 9457 problem details")
            .addProperty("title", new Schema<>().type("string"))
            .addProperty("status", new Schema<>().type("integer"))
            .addProperty("detail", new Schema<>().type("string"))
            .addProperty("instance", new Schema<>().type("string"))
            .addProperty("code", new Schema<>().type("string").description("stable, machine-readable"))
            .addProperty("errors",
                    new Schema<>().type("array")
                        .items(new Schema<>().type("object")
                            .addProperty("field", new Schema<>().type("string"))
                            .addProperty("message", new Schema<>().type("string"))));
        return schema;
    }

    /** Bodies the controllers read from the raw request, so springdoc cannot see them. */
    static final class RequestBodies {

        private RequestBodies() {
        }

        static Map<String, RequestBody> all() {
            Map<String, RequestBody> bodies = new LinkedHashMap<>();
            bodies.put("/v1/task/submit", json("A task: model and input; optional callback_url, metadata (at most 16 "
                    + "string keys of 1-40 characters, string values of at most 512) and webhook_events (which changes "
                    + "are POSTed: queued, in_progress, completed, failed, progress; default every status change)",
                    Map.of("model", "kling-v2", "input", Map.of("prompt", "a red fox in snow", "duration", "5"),
                            "callback_url", "https://example.com/hook", "metadata", Map.of("order_id", "o-17"),
                            "webhook_events", List.of("completed", "failed"))));
            bodies.put("/v1/videos", json("An OpenAI-style video (also multipart/form-data)",
                    Map.of("model", "kling-v2", "prompt", "a red fox in snow")));
            bodies.put("/v1/webhooks/test",
                    json("Where to send one signed webhook.test event", Map.of("url", "https://example.com/hook")));
            bodies.put("/admin/v1/tenants", json("A tenant", Map.of("id", "team-a", "name", "Team A", "limits",
                    Map.of("requests_per_second", 20, "tasks_in_flight", 50), "model_access", Map.of("providers",
                            List.of("kling", "replicate"), "replicate_owners", List.of("black-forest-labs")))));
            bodies.put("/admin/v1/tenants/{tenantId}",
                    json("Changes to a tenant", Map.of("limits", Map.of("tasks_in_flight", 100))));
            bodies.put("/admin/v1/tenants/{tenantId}/keys",
                    json("A key", Map.of("name", "ci", "scopes", List.of("submit", "read"))));
            bodies.put("/admin/v1/tenants/{tenantId}/keys/{keyId}", json("A new name", Map.of("name", "ci-2")));
            return bodies;
        }

        private static RequestBody json(String description, Object example) {
            return new RequestBody().required(true)
                .description(description)
                .content(new Content().addMediaType("application/json",
                        new MediaType().schema(new Schema<>().type("object")).example(example)));
        }

    }

}
