package com.aimedia.gateway.taskevents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.springframework.kafka.support.KafkaHeaders;
import org.yaml.snakeyaml.Yaml;

import com.aimedia.gateway.schemas.CloudEventHeaders;
import com.aimedia.gateway.schemas.EventTypes;
import com.aimedia.gateway.schemas.Topics;
import com.aimedia.gateway.schemas.v1.PollRequested;
import com.aimedia.gateway.schemas.v1.ProviderCallbackReceived;
import com.aimedia.gateway.schemas.v1.SubmissionCheckRequested;
import com.aimedia.gateway.schemas.v1.TaskCancelRequested;
import com.aimedia.gateway.schemas.v1.TaskStatusChanged;
import com.aimedia.gateway.schemas.v1.TaskStatusReported;
import com.aimedia.gateway.schemas.v1.TaskSubmitted;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * docs/asyncapi.yaml cannot drift: every event's Avro payload is the current schema,
 * every topic of {@link Topics} is a channel carrying the right event, every CloudEvents
 * header the producers set is described, and so are spring-kafka's dead-letter headers.
 * On a schema change, paste the schema printed by the failure.
 */
class AsyncApiDocumentTest {

    static final Path DOCUMENT = Path.of("..", "docs", "asyncapi.yaml");
    static final List<Class<? extends SpecificRecord>> EVENT_TYPES = EventTypes.ALL;

    /** docs/design.md section 3: which events each topic carries. */
    private static final Map<String, List<Class<? extends SpecificRecord>>> EVENTS_BY_ADDRESS = Map.of(
            Topics.SUBMITTED_PREFIX + "{provider}", List.of(TaskSubmitted.class), Topics.POLL_PREFIX + "{provider}",
            List.of(PollRequested.class, SubmissionCheckRequested.class), Topics.STATUS,
            List.of(TaskStatusReported.class, ProviderCallbackReceived.class), Topics.CHANGED,
            List.of(TaskStatusChanged.class), Topics.CANCEL, List.of(TaskCancelRequested.class));

    private static Map<String, Object> document;

    @BeforeAll
    static void read() throws IOException {
        try (Reader reader = Files.newBufferedReader(DOCUMENT)) {
            document = new Yaml().load(reader);
        }
    }

    @Test
    void should_be_an_asyncapi_3_document_when_read() {
        assertThat(document.get("asyncapi")).isEqualTo("3.0.0");
        assertThat(string(at("info.description"))).contains("backward and forward compatible")
            .contains("SchemaCompatibilityTest");
    }

    @ParameterizedTest
    @FieldSource("EVENT_TYPES")
    void should_describe_each_event_with_its_current_avro_schema(Class<? extends SpecificRecord> type)
            throws IOException {
        Schema current = withoutJavaStringHints(SpecificData.get().getSchema(type));
        Map<String, Object> payload = map(at("components.messages." + type.getSimpleName() + ".payload"));

        Schema documented = new Schema.Parser().parse(new ObjectMapper().writeValueAsString(payload.get("schema")));

        assertThat(string(payload.get("schemaFormat"))).startsWith("application/vnd.apache.avro");
        assertThat(documented)
            .as("docs/asyncapi.yaml payload of %s must be%n%s", type.getSimpleName(), current.toString(true))
            .isEqualTo(current);
    }

    @ParameterizedTest
    @FieldSource("EVENT_TYPES")
    void should_fix_the_cloudevents_type_of_each_event(Class<? extends SpecificRecord> type) {
        String path = "components.messages." + type.getSimpleName() + ".headers.properties.ce_type.const";

        assertThat(at(path)).isEqualTo(CloudEventHeaders.type(type));
        assertThat(at("components.messages." + type.getSimpleName() + ".traits")).asList()
            .containsExactly(Map.of("$ref", "#/components/messageTraits/cloudEvents"));
    }

    @Test
    void should_describe_every_header_the_producers_set() {
        Map<String, Object> headers = map(at("components.messageTraits.cloudEvents.headers"));
        List<String> expected = new ArrayList<>(CloudEventHeaders.ALL);
        expected.add(TaskEvents.HEADER_TRACEPARENT);

        assertThat(map(headers.get("properties")).keySet()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(headers.get("required")).asList().containsExactlyInAnyOrderElementsOf(CloudEventHeaders.ALL);
        assertThat(at("components.messageTraits.cloudEvents.headers.properties.content-type.const"))
            .isEqualTo(CloudEventHeaders.AVRO);
    }

    @Test
    void should_have_a_channel_for_every_topic_carrying_its_event() {
        Map<String, java.util.Set<String>> messagesByAddress = new LinkedHashMap<>();
        map(document.get("channels")).values()
            .forEach(channel -> messagesByAddress.put(string(map(channel).get("address")),
                    map(map(channel).get("messages")).keySet()));

        Map<String, java.util.Set<String>> expected = new LinkedHashMap<>();
        EVENTS_BY_ADDRESS.forEach((address, types) -> expected.put(address,
                types.stream().map(Class::getSimpleName).collect(java.util.stream.Collectors.toSet())));
        expected.put("{topic}" + Topics.DEAD_LETTER_SUFFIX, java.util.Set.of("DeadLetter"));
        assertThat(messagesByAddress).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(EVENTS_BY_ADDRESS.values().stream().flatMap(List::stream).toList())
            .containsExactlyInAnyOrderElementsOf(EventTypes.ALL);
        assertThat(Topics.ALL_SUBMITTED.pattern()).isEqualTo("tasks\\.submitted\\.[a-z0-9-]+");
    }

    @Test
    void should_describe_the_dead_letter_headers_spring_kafka_sets() {
        Map<String, Object> headers = map(at("components.messages.DeadLetter.headers.properties"));

        assertThat(headers).containsKeys(KafkaHeaders.DLT_ORIGINAL_TOPIC, KafkaHeaders.DLT_ORIGINAL_PARTITION,
                KafkaHeaders.DLT_ORIGINAL_OFFSET, KafkaHeaders.DLT_ORIGINAL_TIMESTAMP,
                KafkaHeaders.DLT_ORIGINAL_TIMESTAMP_TYPE, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP,
                KafkaHeaders.DLT_EXCEPTION_FQCN, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN,
                KafkaHeaders.DLT_EXCEPTION_MESSAGE, KafkaHeaders.DLT_EXCEPTION_STACKTRACE);
    }

    @Test
    void should_resolve_every_reference_when_followed() {
        List<String> references = new ArrayList<>();
        collectReferences(document, references);

        assertThat(references).isNotEmpty().allSatisfy(reference -> {
            assertThat(reference).startsWith("#/");
            assertThat(at(reference.substring(2).replace('/', '.'))).as(reference).isNotNull();
        });
    }

    /**
     * The generated classes' schemas carry {@code avro.java.string}, a code-generation
     * hint that is no contract.
     */
    private static Schema withoutJavaStringHints(Schema schema) throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode tree = json.readTree(schema.toString());
        tree.findParents("avro.java.string").forEach(parent -> ((ObjectNode) parent).remove("avro.java.string"));
        return new Schema.Parser().parse(json.writeValueAsString(tree));
    }

    private static void collectReferences(Object node, List<String> references) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if ("$ref".equals(key)) {
                    references.add(string(value));
                }
                collectReferences(value, references);
            });
        }
        else if (node instanceof List<?> list) {
            list.forEach(item -> collectReferences(item, references));
        }
    }

    /**
     * The node at a dotted path; a segment may itself contain no dot (header names like
     * content-type are fine).
     */
    private static Object at(String path) {
        Object node = document;
        for (String segment : path.split("\\.")) {
            assertThat(node).as("parent of %s in %s", segment, path).isInstanceOf(Map.class);
            node = map(node).get(segment);
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        assertThat(node).isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }

    private static String string(Object node) {
        assertThat(node).isInstanceOf(String.class);
        return (String) node;
    }

}
