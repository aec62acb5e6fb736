package com.aimedia.gateway.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.aimedia.gateway.benchmarks.Figure.Target;

class ReportTest {

    @Test
    void should_render_figures_as_a_markdown_table_and_as_json_when_the_run_ends() {
        // given
        Report report = new Report(Map.of("cpus", "2"), Instant.parse("2026-12-06T02:00:00Z"));
        report.add(new Figure("3 orchestrator ingest", "tasks/s", 1200, 1000, new Target.RatioAtLeast(0.5),
                "a \"quoted\" note"));
        report.add(new Figure("1 submit", "p99 ms", 20.5, 10, new Target.None(), ""));
        report.skip("8 crash recovery", "not implemented yet");

        // when
        String table = report.table();
        String json = report.json();

        // then: sorted by measurement, ratios computed, misses and skips named
        assertThat(table).contains("| 1 submit | p99 ms | 20.50 | 10.00 | 2.05 |  |  |  |")
            .contains("| 3 orchestrator ingest | tasks/s | 1200 | 1000 | 1.20 | >= 0.5x | yes | a \"quoted\" note |")
            .contains("not measured: 8 crash recovery: not implemented yet");
        assertThat(table.indexOf("1 submit")).isLessThan(table.indexOf("3 orchestrator ingest"));
        assertThat(json).contains("\"startedAt\": \"2026-12-06T02:00:00Z\"")
            .contains("\"cpus\": \"2\"")
            .contains("\"measurement\": \"3 orchestrator ingest\", \"metric\": \"tasks/s\", \"value\": 1200.0000, "
                    + "\"baseline\": 1000.0000, \"ratio\": 1.2000, \"target\": \">= 0.5x\", \"met\": true, "
                    + "\"note\": \"a \\\"quoted\\\" note\"}")
            .contains("\"met\": null")
            .contains("\"notMeasured\": [\"8 crash recovery: not implemented yet\"]");
    }

}
