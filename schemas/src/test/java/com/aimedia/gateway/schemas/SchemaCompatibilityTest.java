package com.aimedia.gateway.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every event schema must stay backward and forward compatible with each committed
 * previous version, and the newest committed version must be the current schema (so a
 * change cannot land without its history entry).
 */
class SchemaCompatibilityTest {

    static final List<Class<? extends SpecificRecord>> EVENT_TYPES = EventTypes.ALL;

    @ParameterizedTest
    @FieldSource("EVENT_TYPES")
    void should_read_and_be_read_by_every_committed_version_when_schema_evolves(Class<? extends SpecificRecord> type) {
        Schema current = SpecificData.get().getSchema(type);
        List<Schema> history = EventTypes.history(type);

        assertThat(history).as("committed history of %s", type.getSimpleName()).isNotEmpty();
        for (Schema previous : history) {
            assertThat(compatibility(current, previous))
                .as("%s: current reads data written with a committed version (backward)", type.getSimpleName())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
            assertThat(compatibility(previous, current))
                .as("%s: a committed version reads data written with the current one (forward)", type.getSimpleName())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        }
    }

    @ParameterizedTest
    @FieldSource("EVENT_TYPES")
    void should_have_committed_the_current_schema_as_newest_version_when_building(
            Class<? extends SpecificRecord> type) {
        List<Schema> history = EventTypes.history(type);
        Schema newest = history.get(history.size() - 1);

        assertThat(newest).as("avro-history/%s must end with the current schema", type.getSimpleName())
            .isEqualTo(SpecificData.get().getSchema(type));
    }

    private static SchemaCompatibilityType compatibility(Schema reader, Schema writer) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType();
    }

}
