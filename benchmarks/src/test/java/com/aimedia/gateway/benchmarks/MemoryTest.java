package com.aimedia.gateway.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;

class MemoryTest {

    @Test
    void should_sum_a_class_histogram_by_owning_service_when_given_jcmd_output() {
        String histogram = """
                 num     #instances         #bytes  class name (module)
                -------------------------------------------------------
                   1:        100000       52428800  [B (java.base@25)
                   2:         50000        2097152  com.aimedia.gateway.orchestrator.task.TaskEvent$Submitted
                   3:         10000        1048576  org.apache.kafka.common.record.MemoryRecords
                   4:          1000        1048576  kafka.log.LogSegment
                   5:         20000        1048576  com.aimedia.gateway.orchestrator.polling.PollClaims$DuePoll
                Total        181000       57671680
                """;

        Map<String, Double> byOwner = Memory.byOwner(histogram);

        assertThat(byOwner.keySet()).containsExactly(Memory.UNATTRIBUTED, "orchestrator-service classes",
                "Kafka classes (broker and clients)");
        assertThat(byOwner.get(Memory.UNATTRIBUTED)).isCloseTo(50.0, within(0.001));
        assertThat(byOwner.get("orchestrator-service classes")).isCloseTo(3.0, within(0.001));
        assertThat(byOwner.get("Kafka classes (broker and clients)")).isCloseTo(2.0, within(0.001));
    }

    @Test
    void should_read_this_process_resident_set_when_on_linux() {
        assertThat(Memory.residentSetMiB()).isPositive();
    }

}
