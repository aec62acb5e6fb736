package com.aimedia.gateway.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MonitoringQueriesTest {

    @Test
    void should_find_the_selected_metrics_but_no_function_label_or_keyword_when_parsing_promql() {
        String expression = """
                histogram_quantile(0.95, sum by (le, provider) (rate(gateway_task_duration_seconds_bucket{provider=~"$provider", to!="x y"}[5m])))
                  / on (provider) group_left sum without (instance) (increase(gateway_tasks_submitted_total[1h] offset 1d)) > 0.2
                  and up{job="gateway"} == 0 or vector(1e3)""";

        assertThat(MonitoringQueries.metricNames(expression)).containsExactly("gateway_task_duration_seconds_bucket",
                "gateway_tasks_submitted_total", "up");
    }

    @Test
    void should_read_every_alert_and_panel_expression_when_reading_the_deploy_files() throws Exception {
        assertThat(MonitoringQueries.alertExpressions()).hasSizeGreaterThanOrEqualTo(7)
            .allSatisfy(expression -> assertThat(MonitoringQueries.metricNames(expression)).isNotEmpty());
        assertThat(MonitoringQueries.dashboardExpressions()).hasSizeGreaterThanOrEqualTo(12)
            .allSatisfy(expression -> assertThat(MonitoringQueries.metricNames(expression)).isNotEmpty());
    }

}
