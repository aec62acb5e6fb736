package com.aimedia.gateway.api.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;

import com.aimedia.gateway.api.auth.RequiresScope;
import com.aimedia.gateway.api.web.ProblemCode;

/**
 * The served OpenAPI document and the code must not drift: every route of the code is in
 * the document with its methods, every error code has its example, every handler that
 * takes an API key declares its scope, and the committed {@code docs/openapi.json} is
 * what the code generates (regenerate it with {@code -Dopenapi.write=true}).
 */
class OpenApiDocumentTest extends PlatformTestBase {

    private static final Path COMMITTED = Path.of("..", "docs", "openapi.json");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void should_document_every_route_and_error_code_of_the_code_in_openapi_3_1() throws Exception {
        // given
        HttpResponse<String> served = call(replica1, "GET", "/v3/api-docs", null, null, java.util.Map.of());
        JsonNode document = json.readTree(served.body());

        // when
        Set<String> inCode = new TreeSet<>();
        mappings.getHandlerMethods()
            .forEach((info, handler) -> info.getPatternValues()
                .stream()
                .filter(path -> path.startsWith("/v1/") || path.startsWith("/admin/v1/"))
                .forEach(path -> info.getMethodsCondition()
                    .getMethods()
                    .forEach(method -> inCode.add(method.name().toLowerCase() + " " + path.replace("{*", "{")))));
        Set<String> inDocument = new TreeSet<>();
        document.get("paths")
            .properties()
            .forEach(path -> path.getValue()
                .properties()
                .forEach(operation -> inDocument.add(operation.getKey() + " " + path.getKey())));

        // then
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(document.get("openapi").asString()).startsWith("3.1");
        assertThat(inCode).hasSizeGreaterThan(20);
        assertThat(inDocument).isEqualTo(inCode);
        for (ProblemCode code : ProblemCode.values()) {
            assertThat(document.get("components").get("examples").has("problem_" + code.code())).as(code.code())
                .isTrue();
        }
        assertThat(document.get("paths").get("/v1/task/submit").get("post").get("requestBody")).isNotNull();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            JsonNode ok = operation.getValue().path("responses").path("200").path("content");
            assertThat(ok.properties()).as("success content of %s %s", operation.getKey(), path.getKey())
                .isNotEmpty()
                .allSatisfy(media -> assertThat(media.getValue().has("example"))
                    .as("example of %s %s", operation.getKey(), path.getKey())
                    .isTrue());
            assertThat(operation.getValue()
                .path("responses")
                .path("default")
                .path("content")
                .path("application/problem+json")
                .path("examples")
                .size()).as("every error code as an example on %s %s", operation.getKey(), path.getKey())
                .isEqualTo(ProblemCode.values().length);
        }));
    }

    @Test
    void should_declare_a_scope_on_every_handler_that_takes_an_api_key() {
        mappings.getHandlerMethods()
            .values()
            .stream()
            .filter(handler -> java.util.Arrays.stream(handler.getMethodParameters())
                .anyMatch(parameter -> parameter.getParameterType() == com.aimedia.gateway.api.auth.Tenant.class))
            .map(HandlerMethod::getMethod)
            .forEach(method -> assertThat(method.getAnnotation(RequiresScope.class)).as(method.toString()).isNotNull());
    }

    @Test
    void should_match_the_committed_document_and_serve_swagger_ui() throws Exception {
        // given
        JsonNode generated = json
            .readTree(call(replica2, "GET", "/v3/api-docs", null, null, java.util.Map.of()).body());
        String pretty = json.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(generated)
                + "\n";
        if (Boolean.getBoolean("openapi.write")) {
            Files.writeString(COMMITTED, pretty, StandardCharsets.UTF_8);
        }

        // when
        String committed = Files.readString(COMMITTED, StandardCharsets.UTF_8);
        HttpResponse<String> ui = call(replica1, "GET", "/swagger-ui/index.html", null, null, java.util.Map.of());

        // then
        assertThat(committed).as("docs/openapi.json is stale: rerun with -Dopenapi.write=true and commit it")
            .isEqualTo(pretty);
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
    }

}
