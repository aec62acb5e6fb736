package com.aimedia.gateway.orchestrator.polling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.aimedia.gateway.testsupport.InMemoryMongo;
import com.aimedia.gateway.testsupport.ScanRecordingBackend;
import com.aimedia.gateway.orchestrator.task.TaskDocuments;
import com.aimedia.gateway.orchestrator.task.TaskStore;
import com.mongodb.client.MongoCollection;

/**
 * Claims against mongo-java-server over the wire: exactly one claim of a poll as read
 * wins, and neither a claim nor a callback's immediate poll scans the {@code tasks}
 * collection (which on the embedded default means reading every task document under the
 * collection's lock).
 */
class PollClaimsTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    private final ScanRecordingBackend backend = new ScanRecordingBackend();

    private final InMemoryMongo mongo = InMemoryMongo.start(backend);

    private final TaskStore store = new TaskStore(mongo.database("claims"));

    private final PollClaims claims = new PollClaims(store);

    private final MongoCollection<Document> tasks = store.collection();

    @BeforeEach
    void indexes() {
        store.afterPropertiesSet();
        for (int i = 0; i < 20; i++) {
            tasks.insertOne(task("other-" + i, "in_progress", NOW.plusSeconds(60 + i)));
        }
        backend.clear();
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void should_claim_a_due_poll_once_through_its_token_when_two_replicas_race() {
        // given
        tasks.insertOne(task("t1", "in_progress", NOW.minusSeconds(1)));
        PollClaims.DuePoll due = claims.findDue(NOW, 10).getFirst();
        backend.clear();

        // when
        var first = claims.claim(due, NOW.plusSeconds(5));
        var second = claims.claim(due, NOW.plusSeconds(5));

        // then
        assertThat(due.tokenCurrent()).isTrue();
        assertThat(first).hasValueSatisfying(poll -> assertThat(poll.attempt()).isEqualTo(1));
        assertThat(second).isEmpty();
        Document stored = tasks.find(new Document("_id", "t1")).first();
        assertThat(stored.getString(TaskDocuments.POLL_TOKEN))
            .isEqualTo(TaskDocuments.pollToken("t1", NOW.plusSeconds(5)));
        assertThat(backend.scansOf(TaskStore.COLLECTION)).isEmpty();
    }

    @Test
    void should_claim_by_id_and_give_the_token_when_the_document_has_none() {
        // given: a document written before poll tokens existed
        Document legacy = task("old", "queued", NOW.minusSeconds(1));
        legacy.remove(TaskDocuments.POLL_TOKEN);
        tasks.insertOne(legacy);
        PollClaims.DuePoll due = claims.findDue(NOW, 10).getFirst();
        backend.clear();

        // when
        var claimed = claims.claim(due, NOW.plusSeconds(5));

        // then: this one claim scans (the recorder sees it), and gives the token the next
        // claim uses
        assertThat(due.tokenCurrent()).isFalse();
        assertThat(claimed).isPresent();
        assertThat(backend.scansOf(TaskStore.COLLECTION)).hasSize(1);
        assertThat(tasks.find(new Document("_id", "old")).first().getString(TaskDocuments.POLL_TOKEN))
            .isEqualTo(TaskDocuments.pollToken("old", NOW.plusSeconds(5)));
    }

    @Test
    void should_make_a_poll_due_now_without_a_scan_and_not_for_an_ended_task() {
        // given
        tasks.insertOne(
                task("waiting", "in_progress", NOW.plusSeconds(3600)).append(TaskDocuments.PROVIDER_TASK_ID, "pt-1"));
        tasks.insertOne(new Document("_id", "ended").append(TaskDocuments.PROVIDER, "luma")
            .append(TaskDocuments.STATUS, "completed"));
        backend.clear();

        // when
        var due = claims.makeDue("waiting", NOW);
        var ended = claims.makeDue("ended", NOW);
        var unknown = claims.makeDue("unknown", NOW);

        // then
        assertThat(due).isInstanceOf(PollClaims.MadeDue.Due.class);
        PollClaims.DuePoll poll = ((PollClaims.MadeDue.Due) due).poll();
        assertThat(poll.nextPollAt()).isEqualTo(NOW);
        assertThat(poll.tokenCurrent()).isTrue();
        assertThat(ended).isInstanceOf(PollClaims.MadeDue.NotPolled.class);
        assertThat(unknown).isInstanceOf(PollClaims.MadeDue.NotPolled.class);
        assertThat(claims.claim(poll, NOW.plusSeconds(5))).isPresent();
        assertThat(backend.scansOf(TaskStore.COLLECTION)).isEmpty();
    }

    @Test
    void should_not_make_a_poll_due_for_a_task_whose_acceptance_was_not_seen_yet() {
        // given: two queued tasks, one the provider was seen to accept (it queues it)
        tasks.insertOne(task("submitting", "queued", NOW.plusSeconds(20)));
        tasks.insertOne(task("accepted", "queued", NOW.plusSeconds(20)).append(TaskDocuments.PROVIDER_TASK_ID, "pt-1"));
        backend.clear();

        // when: both get a provider callback
        var submitting = claims.makeDue("submitting", NOW);
        var accepted = claims.makeDue("accepted", NOW);

        // then: only the accepted one is polled now; the other keeps its acceptance check
        assertThat(submitting).isInstanceOf(PollClaims.MadeDue.AwaitingAcceptance.class);
        assertThat(tasks.find(new Document("_id", "submitting")).first().getDate(TaskDocuments.NEXT_POLL_AT))
            .isEqualTo(Date.from(NOW.plusSeconds(20)));
        assertThat(accepted).isInstanceOfSatisfying(PollClaims.MadeDue.Due.class,
                made -> assertThat(made.poll().nextPollAt()).isEqualTo(NOW));
        assertThat(backend.scansOf(TaskStore.COLLECTION)).isEmpty();
    }

    @Test
    void should_tell_a_submission_check_from_a_poll_and_move_a_claimed_one_unless_it_moved_since() {
        // given
        tasks.insertOne(task("checked", "queued", NOW.minusSeconds(2)));
        tasks.insertOne(
                task("polled", "in_progress", NOW.minusSeconds(1)).append(TaskDocuments.PROVIDER_TASK_ID, "pt-1"));
        var due = claims.findDue(NOW, 10);
        claims.claim(due.get(0), NOW.plusSeconds(40)).orElseThrow();
        backend.clear();

        // when
        claims.reschedule("checked", NOW.plusSeconds(40), NOW.plusSeconds(5));
        claims.reschedule("checked", NOW.plusSeconds(40), NOW.plusSeconds(90));

        // then
        assertThat(due).extracting(PollClaims.DuePoll::taskId, PollClaims.DuePoll::accepted)
            .containsExactly(tuple("checked", false), tuple("polled", true));
        assertThat(tasks.find(new Document("_id", "checked")).first().getDate(TaskDocuments.NEXT_POLL_AT))
            .isEqualTo(Date.from(NOW.plusSeconds(5)));
        assertThat(backend.scansOf(TaskStore.COLLECTION)).isEmpty();
    }

    @Test
    void should_count_every_due_poll() {
        // given
        tasks.insertOne(task("t1", "queued", NOW.minusSeconds(2)));
        tasks.insertOne(task("t2", "queued", NOW.minusSeconds(1)));
        tasks.insertOne(task("t3", "queued", NOW.plusSeconds(5)));

        // then (a batch that came back short is counted without this query:
        // PollBacklogTest)
        assertThat(claims.countDue(NOW)).isEqualTo(2);
    }

    private static Document task(String id, String status, Instant nextPollAt) {
        return new Document("_id", id).append(TaskDocuments.PROVIDER, "luma")
            .append(TaskDocuments.STATUS, status)
            .append(TaskDocuments.NEXT_POLL_AT, Date.from(nextPollAt))
            .append(TaskDocuments.POLL_TOKEN, TaskDocuments.pollToken(id, nextPollAt))
            .append(TaskDocuments.POLL_ATTEMPTS, 0);
    }

}
