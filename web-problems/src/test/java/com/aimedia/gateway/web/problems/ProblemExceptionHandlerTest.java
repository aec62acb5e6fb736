package com.aimedia.gateway.web.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.server.ResponseStatusException;

class ProblemExceptionHandlerTest {

    enum Code implements ErrorCode {

        INVALID_INPUT(HttpStatus.BAD_REQUEST), INVALID_REQUEST(HttpStatus.BAD_REQUEST),
        UNAUTHORIZED(HttpStatus.UNAUTHORIZED), METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED),
        INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR);

        private final HttpStatus status;

        Code(HttpStatus status) {
            this.status = status;
        }

        @Override
        public HttpStatus status() {
            return status;
        }

    }

    static final class Handler extends ProblemExceptionHandler {

        Handler() {
            super(Code.INVALID_REQUEST, Code.INTERNAL_ERROR, Code.METHOD_NOT_ALLOWED);
        }

    }

    private final Handler handler = new Handler();

    private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/v1/things");

    @Test
    void renders_code_detail_field_errors_and_headers() {
        ResponseEntity<ProblemDetail> answer = handler
            .onApiProblem(ApiProblemException.field(Code.INVALID_INPUT, "input.prompt", "is required"), request);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().getDetail()).isEqualTo("input.prompt is required");
        assertThat(answer.getBody().getProperties()).containsEntry("code", "invalid_input")
            .containsEntry("errors", List.of(new FieldProblem("input.prompt", "is required")));
    }

    @Test
    void a_401_carries_the_bearer_challenge() {
        ResponseEntity<ProblemDetail> answer = handler
            .onApiProblem(new ApiProblemException(Code.UNAUTHORIZED, "Invalid API key.", List.of(), Map.of()), request);

        assertThat(answer.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer");
        assertThat(answer.getBody().getProperties()).doesNotContainKey("errors");
    }

    @Test
    void spring_errors_answer_with_the_service_code_and_a_fixed_detail() {
        var wrongMethod = new HttpRequestMethodNotSupportedException("PUT", Set.of(HttpMethod.GET.name()));

        ResponseEntity<ProblemDetail> answer = handler.onOther(wrongMethod, request);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.ALLOW)).isEqualTo("GET");
        assertThat(answer.getBody().getDetail()).isEqualTo("This method is not allowed on this resource.");
        assertThat(answer.getBody().getProperties()).containsEntry("code", "method_not_allowed");
    }

    @Test
    void a_spring_client_error_without_its_own_code_is_an_invalid_request() {
        ResponseEntity<ProblemDetail> answer = handler
            .onOther(new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, "secret internals"), request);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().getDetail()).isEqualTo("The request is not valid.");
        assertThat(answer.getBody().getProperties()).containsEntry("code", "invalid_request");
    }

    @Test
    void any_other_exception_is_a_500_that_never_shows_its_message() {
        ResponseEntity<ProblemDetail> answer = handler.onOther(new IllegalStateException("secret internals"), request);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(answer.getBody().getDetail()).isEqualTo("An unexpected error occurred.");
        assertThat(answer.getBody().toString()).doesNotContain("secret internals");
    }

}
