package com.aimedia.gateway.api.task;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import com.aimedia.gateway.api.taskid.TaskId;

/**
 * The JSON the task endpoints read and write: a strict parser (duplicate keys and
 * trailing content are errors, decimals keep their exact value) and the compact public
 * task bodies, fields in the order of the contract.
 */
@Component
class TaskJson {

    private final JsonMapper mapper;

    TaskJson(JsonMapper jsonMapper) {
        this.mapper = jsonMapper.rebuild()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .build();
    }

    /**
     * @throws tools.jackson.core.JacksonException if the bytes are not one JSON value
     */
    JsonNode parse(byte[] body) {
        return mapper.readTree(body);
    }

    String compact(JsonNode node) {
        return mapper.writeValueAsString(node);
    }

    /**
     * The queued body of version 1, exactly as the orchestrator renders it: the submit
     * answer, and the answer for a task whose id verifies but that the orchestrator has
     * not stored yet (read-your-writes).
     */
    String queuedBody(TaskId taskId, java.util.SortedMap<String, String> metadata) {
        long createdAt = taskId.createdAtSeconds();
        ObjectNode body = mapper.createObjectNode()
            .put("id", taskId.value())
            .put("status", "queued")
            .put("created_at", createdAt);
        if (!metadata.isEmpty()) {
            ObjectNode values = body.putObject("metadata");
            metadata.forEach(values::put);
        }
        return compact(body.put("version", 1L).put("updated_at", createdAt));
    }

    /**
     * SHA-256 of the value with object keys sorted, so the key order a client happens to
     * send does not matter.
     */
    String canonicalHash(JsonNode value) {
        try {
            byte[] canonical = mapper.writeValueAsString(sorted(value)).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private JsonNode sorted(JsonNode value) {
        if (value.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            value.properties().forEach(entry -> fields.put(entry.getKey(), sorted(entry.getValue())));
            ObjectNode copy = mapper.createObjectNode();
            fields.forEach(copy::set);
            return copy;
        }
        if (value.isArray()) {
            var copy = mapper.createArrayNode();
            value.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return value;
    }

}
