package com.aimedia.gateway.api.task;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import com.aimedia.gateway.api.web.ProblemCode;
import com.aimedia.gateway.web.problems.ApiProblemException;

/**
 * Reads a JSON request body (submit, admin): JSON content type (415), at most
 * {@code gateway.api.max-body-size} bytes by a bounded read (413, with or without
 * Content-Length), well-formed JSON (400 malformed_json), a JSON object (400
 * invalid_request).
 */
@Component
public class SubmitRequestReader {

    private final TaskJson json;

    private final long maxBodySize;

    SubmitRequestReader(TaskJson json, SubmitProperties properties) {
        this.json = json;
        this.maxBodySize = properties.maxBodySize().toBytes();
    }

    public ObjectNode read(HttpServletRequest request) {
        requireJson(request.getContentType());
        JsonNode root = parse(readBounded(request));
        if (!root.isObject()) {
            throw new ApiProblemException(ProblemCode.INVALID_REQUEST, "The request body must be a JSON object.");
        }
        return (ObjectNode) root;
    }

    private static void requireJson(@Nullable String contentType) {
        boolean json;
        try {
            MediaType type = contentType == null ? null : MediaType.parseMediaType(contentType);
            json = type != null && type.getType().equals("application")
                    && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"));
        }
        catch (InvalidMediaTypeException e) {
            json = false;
        }
        if (!json) {
            throw new ApiProblemException(ProblemCode.UNSUPPORTED_MEDIA_TYPE,
                    "The request body must be JSON: send Content-Type: application/json.");
        }
    }

    private byte[] readBounded(HttpServletRequest request) {
        if (request.getContentLengthLong() > maxBodySize) {
            throw tooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodySize + 1));
            if (body.length > maxBodySize) {
                throw tooLarge();
            }
            return body;
        }
        catch (IOException e) {
            throw new ApiProblemException(ProblemCode.INVALID_REQUEST, "The request body could not be read.");
        }
    }

    private ApiProblemException tooLarge() {
        return new ApiProblemException(ProblemCode.BODY_TOO_LARGE,
                "The request body is larger than " + maxBodySize + " bytes.");
    }

    private JsonNode parse(byte[] body) {
        if (body.length == 0) {
            throw new ApiProblemException(ProblemCode.MALFORMED_JSON, "The request body is empty.");
        }
        try {
            JsonNode root = json.parse(body);
            if (root == null || root.isMissingNode()) {
                throw new ApiProblemException(ProblemCode.MALFORMED_JSON, "The request body is empty.");
            }
            return root;
        }
        catch (JacksonException e) {
            TokenStreamLocation location = e.getLocation();
            String where = location == null || location.getLineNr() < 1 ? ""
                    : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
            throw new ApiProblemException(ProblemCode.MALFORMED_JSON,
                    "The request body is not valid JSON" + where + ".");
        }
    }

}
