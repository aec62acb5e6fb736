package com.aimedia.gateway.api.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import com.aimedia.gateway.api.catalog.CatalogModel;
import com.aimedia.gateway.api.catalog.InputValidator;
import com.aimedia.gateway.api.catalog.ModelCatalog;
import com.aimedia.gateway.api.catalog.ProviderAvailability;
import com.aimedia.gateway.api.web.ProblemCode;
import com.aimedia.gateway.platform.readmodel.ProviderStatusReadModel;
import com.aimedia.gateway.testsupport.InMemoryMongo;
import com.aimedia.gateway.urlguard.CallbackUrlGuard;
import com.aimedia.gateway.web.problems.ApiProblemException;
import com.aimedia.gateway.web.problems.FieldProblem;

class SubmitRequestValidatorTest {

    private static final String VALID_INPUT = "{\"prompt\":\"a cat surfing\",\"duration\":\"5\"}";

    private final JsonMapper mapper = JsonMapper.builder().build();

    private final ModelCatalog catalog = ModelCatalog.fromClasspath(mapper, ModelCatalog.DEFAULT_RESOURCES);

    private final InMemoryMongo mongo = InMemoryMongo.start();

    /**
     * Names resolve without DNS: hooks.example.com to a public address,
     * intranet.example.com to a private one.
     */
    private final CallbackUrlGuard guard = new CallbackUrlGuard(List.of(), host -> switch (host) {
        case "hooks.example.com" ->
            List.of(InetAddress.getByAddress(host, new byte[] { 93, (byte) 184, (byte) 216, 34 }));
        case "intranet.example.com" -> List.of(InetAddress.getByAddress(host, new byte[] { 10, 0, 0, 7 }));
        default -> throw new UnknownHostException(host);
    });

    private final SubmitRequestValidator validator = new SubmitRequestValidator(catalog, new InputValidator(catalog),
            guard, new ProviderAvailability(mongo.database(), Clock.systemUTC()));

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void accepts_a_known_model_with_valid_input_and_a_public_callback_url() {
        ObjectNode body = body("{\"model\":\"kling-v2\",\"input\":" + VALID_INPUT
                + ",\"callback_url\":\"https://hooks.example.com/done\"}");

        CatalogModel model = validator.model(body);
        SubmitRequest request = validator.validate(model, body);

        assertThat(model.id()).isEqualTo("kling-v2");
        assertThat(request.input().get("prompt").asString()).isEqualTo("a cat surfing");
        assertThat(request.callbackUrl()).isNotNull();
    }

    @Test
    void accepts_a_request_without_callback_url() {
        ObjectNode body = body("{\"model\":\"kling-v2\",\"input\":" + VALID_INPUT + ",\"callback_url\":null}");

        assertThat(validator.validate(validator.model(body), body).callbackUrl()).isNull();
    }

    @Test
    void names_each_unknown_field_and_suggests_the_field_meant() {
        assertThatThrownBy(
                () -> validator.model(body("{\"model\":\"kling-v2\",\"input\":{},\"callbackUrl\":\"x\",\"extra\":1}")))
            .isInstanceOfSatisfying(ApiProblemException.class, problem -> {
                assertThat(problem.code()).isEqualTo(ProblemCode.UNKNOWN_FIELD);
                assertThat(problem.errors()).containsExactlyInAnyOrder(
                        new FieldProblem("callbackUrl", "is not a known field; did you mean callback_url?"),
                        new FieldProblem("extra", "is not a known field"));
            });
    }

    @Test
    void cuts_a_long_unknown_field_name_in_the_answer() {
        String name = "x".repeat(300);

        assertThatThrownBy(() -> validator.model(body("{\"" + name + "\":1}"))).isInstanceOfSatisfying(
                ApiProblemException.class,
                problem -> assertThat(problem.errors().getFirst().field()).hasSize(103).endsWith("..."));
    }

    @Test
    void requires_the_model_as_a_known_string() {
        assertField(() -> validator.model(body("{\"input\":{}}")), ProblemCode.INVALID_REQUEST, "model", "is required");
        assertField(() -> validator.model(body("{\"model\":7}")), ProblemCode.INVALID_REQUEST, "model",
                "must be a string");
        assertField(() -> validator.model(body("{\"model\":\"kling-v9\"}")), ProblemCode.UNKNOWN_MODEL, "model",
                "is not a known model; GET /v1/models lists the available models");
    }

    @Test
    void refuses_the_model_of_a_provider_its_worker_reported_without_credentials() {
        mongo.database()
            .getCollection(ProviderStatusReadModel.COLLECTION)
            .insertOne(new Document(ProviderStatusReadModel.ID, "kling").append(ProviderStatusReadModel.CONFIGURED,
                    false));

        assertThatThrownBy(() -> validator.model(body("{\"model\":\"kling-v2\"}")))
            .isInstanceOfSatisfying(ApiProblemException.class, problem -> {
                assertThat(problem.code()).isEqualTo(ProblemCode.PROVIDER_UNAVAILABLE);
                assertThat(problem.errors()).extracting(FieldProblem::field).containsExactly("model");
            });
    }

    @Test
    void requires_input_and_names_every_invalid_input_field() {
        CatalogModel kling = catalog.find("kling-v2").orElseThrow();

        assertField(() -> validator.validate(kling, body("{\"model\":\"kling-v2\"}")), ProblemCode.INVALID_INPUT,
                "input", "is required");
        assertThatThrownBy(() -> validator.validate(kling,
                body("{\"model\":\"kling-v2\",\"input\":{\"prompt\":\"x\",\"duration\":7,\"mode\":\"max\"}}")))
            .isInstanceOfSatisfying(ApiProblemException.class, problem -> {
                assertThat(problem.code()).isEqualTo(ProblemCode.INVALID_INPUT);
                assertThat(problem.errors()).extracting(FieldProblem::field)
                    .containsExactlyInAnyOrder("input.duration", "input.mode");
            });
    }

    @Test
    void refuses_a_callback_url_that_is_not_a_string_or_points_inside_the_network() {
        CatalogModel kling = catalog.find("kling-v2").orElseThrow();

        assertField(() -> validator.validate(kling, body("{\"input\":" + VALID_INPUT + ",\"callback_url\":5}")),
                ProblemCode.INVALID_CALLBACK_URL, "callback_url", "must be a string");
        assertThatThrownBy(() -> validator.validate(kling,
                body("{\"input\":" + VALID_INPUT + ",\"callback_url\":\"https://intranet.example.com/hook\"}")))
            .isInstanceOfSatisfying(ApiProblemException.class, problem -> {
                assertThat(problem.code()).isEqualTo(ProblemCode.INVALID_CALLBACK_URL);
                assertThat(problem.errors()).extracting(FieldProblem::field).containsExactly("callback_url");
            });
    }

    private ObjectNode body(String json) {
        return (ObjectNode) mapper.readTree(json);
    }

    private static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ProblemCode code,
            String field, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiProblemException.class, problem -> {
            assertThat(problem.code()).isEqualTo(code);
            assertThat(problem.errors()).containsExactly(new FieldProblem(field, message));
        });
    }

}
