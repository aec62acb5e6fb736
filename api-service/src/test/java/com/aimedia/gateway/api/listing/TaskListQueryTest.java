package com.aimedia.gateway.api.listing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;

import com.mongodb.MongoClientSettings;

import com.aimedia.gateway.api.listing.TaskListQuery.Cursor;

/**
 * The listing's query is one MongoDB can answer from the {@code {tenant_id, created_at,
 * _id}} index: the tenant's equality first, the range and the page key on the index's
 * next fields, the sort on the index's order (walked backwards). mongo-java-server has no
 * query planner to ask, so the shape is what this test pins.
 */
class TaskListQueryTest {

    @Test
    void should_lead_with_the_tenant_and_sort_along_the_tenant_index() {
        // given
        TaskListQuery query = new TaskListQuery("team-a", Set.of("failed"), "kling-v2", Instant.ofEpochSecond(10),
                Instant.ofEpochSecond(20), new Cursor(Instant.ofEpochMilli(15_000), "task_x"), 20);

        // when
        List<BsonValue> clauses = render(query.filter()).getArray("$and").getValues();
        BsonDocument sort = render(TaskListQuery.SORT);

        // then
        assertThat(clauses.get(0).asDocument().toJson()).isEqualTo("{\"tenant_id\": \"team-a\"}");
        assertThat(clauses.get(1).asDocument().containsKey("created_at")).isTrue();
        assertThat(clauses.get(2).asDocument().containsKey("created_at")).isTrue();
        assertThat(clauses.get(3).asDocument().toJson()).contains("created_at").contains("_id");
        assertThat(sort.toJson()).isEqualTo("{\"created_at\": -1, \"_id\": -1}");
    }

    @Test
    void should_round_trip_a_cursor_and_refuse_a_forged_one() {
        // given
        Cursor cursor = new Cursor(Instant.ofEpochMilli(1_795_000_000_123L), "task_06h1abc");

        // when
        Cursor decoded = TaskListController.cursor(TaskListController.encode(cursor));

        // then
        assertThat(decoded).isEqualTo(cursor);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TaskListController.cursor("eyJ4IjoxfQ"))
            .isInstanceOf(com.aimedia.gateway.web.problems.ApiProblemException.class);
    }

    private static BsonDocument render(Bson bson) {
        return bson.toBsonDocument(BsonDocument.class, MongoClientSettings.getDefaultCodecRegistry());
    }

}
