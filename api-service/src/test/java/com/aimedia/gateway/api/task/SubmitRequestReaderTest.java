package com.aimedia.gateway.api.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import com.aimedia.gateway.api.web.ProblemCode;
import com.aimedia.gateway.web.problems.ApiProblemException;

class SubmitRequestReaderTest {

    private final SubmitRequestReader reader = new SubmitRequestReader(new TaskJson(JsonMapper.builder().build()),
            new SubmitProperties(DataSize.ofBytes(64)));

    @ParameterizedTest
    @ValueSource(strings = { "application/json", "application/json; charset=utf-8", "application/vnd.api+json" })
    void reads_a_json_object_sent_with_a_json_content_type(String contentType) {
        ObjectNode body = reader.read(request(contentType, "{\"model\":\"kling-v2\",\"input\":{\"n\":1.10}}"));

        assertThat(body.get("model").asString()).isEqualTo("kling-v2");
        assertThat(body.get("input").get("n").decimalValue()).isEqualByComparingTo("1.10");
    }

    @ParameterizedTest
    @ValueSource(strings = { "text/plain", "application/x-www-form-urlencoded", "not a media type" })
    void refuses_a_body_that_is_not_sent_as_json(String contentType) {
        assertProblem(() -> reader.read(request(contentType, "{}")), ProblemCode.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void refuses_a_body_without_a_content_type() {
        assertProblem(() -> reader.read(request(null, "{}")), ProblemCode.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void refuses_a_body_one_byte_over_the_limit_whether_or_not_it_declares_its_length() {
        String body = "{\"a\":\"" + "x".repeat(57) + "\"}";
        MockHttpServletRequest declared = request("application/json", body);
        MockHttpServletRequest undeclared = request("application/json", body);
        undeclared.removeHeader("Content-Length");

        assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(65);
        assertProblem(() -> reader.read(declared), ProblemCode.BODY_TOO_LARGE);
        assertProblem(() -> reader.read(undeclared), ProblemCode.BODY_TOO_LARGE);
        assertThat(reader.read(request("application/json", body.replaceFirst("x", "")))).isNotNull();
    }

    @Test
    void names_the_line_and_column_of_malformed_json() {
        assertThatThrownBy(() -> reader.read(request("application/json", "{\"model\":\n  oops}")))
            .isInstanceOfSatisfying(ApiProblemException.class, problem -> {
                assertThat(problem.code()).isEqualTo(ProblemCode.MALFORMED_JSON);
                assertThat(problem.detail()).contains("line 2");
            });
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "   ", "{\"a\":1,\"a\":2}", "{\"a\":1} {\"b\":2}" })
    void refuses_empty_bodies_duplicate_keys_and_trailing_content_as_malformed(String body) {
        assertProblem(() -> reader.read(request("application/json", body)), ProblemCode.MALFORMED_JSON);
    }

    @ParameterizedTest
    @ValueSource(strings = { "[]", "\"kling-v2\"", "42", "null" })
    void refuses_json_that_is_not_an_object(String body) {
        assertProblem(() -> reader.read(request("application/json", body)), ProblemCode.INVALID_REQUEST);
    }

    private static MockHttpServletRequest request(String contentType, String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/v1/task/submit");
        if (contentType != null) {
            request.setContentType(contentType);
        }
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }

    private static void assertProblem(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ProblemCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiProblemException.class,
                problem -> assertThat(problem.code()).isEqualTo(code));
    }

}
