"""Gateway metrics: labels from client-chosen operation names stay bounded."""

from __future__ import annotations

import pytest

from gateway.metrics import MAX_OPERATION_LABELS, OTHER_OPERATIONS, GatewayMetrics


def test_operation_names_beyond_the_cap_share_one_label() -> None:
    metrics = GatewayMetrics()
    for number in range(MAX_OPERATION_LABELS + 500):
        metrics.observe_request(f"Op{number}", 0.01, [])
    metrics.observe_request("Op0", 0.01, ["BAD_USER_INPUT"])  # a known name keeps its label
    text = metrics.render().decode()
    lines = [line for line in text.splitlines() if line.startswith("modelplane_gateway_requests_total{")]
    assert len(lines) == MAX_OPERATION_LABELS + 2  # the first 1000, "(other)", Op0's error
    assert f'modelplane_gateway_requests_total{{operation="{OTHER_OPERATIONS}",outcome="ok"}} 500.0' in text
    assert 'modelplane_gateway_requests_total{operation="Op0",outcome="error"} 1.0' in text
    assert 'modelplane_gateway_errors_total{code="BAD_USER_INPUT"} 1.0' in text


def test_histograms_count_each_observation_in_the_first_bucket_that_holds_it() -> None:
    metrics = GatewayMetrics()
    observe = metrics.subgraph_latency.labels("accounts").observe
    for seconds in (0.0005, 0.001, 0.0011, 0.02, 11.0):  # 0.001 is on a bound: le="0.001"
        observe(seconds)
    metrics.subgraph_failures.labels("accounts", "SUBREQUEST_TIMEOUT").inc()
    text = metrics.render().decode()
    samples = {
        line.rsplit(" ", 1)[0]: float(line.rsplit(" ", 1)[1])
        for line in text.splitlines()
        if line.startswith("modelplane_gateway_subgraph_f")
    }

    def bucket(le: str) -> float:
        (value,) = [v for k, v in samples.items() if f'le="{le}"' in k and "accounts" in k]
        return value

    assert bucket("0.001") == 2 and bucket("0.0025") == 3 and bucket("0.025") == 4
    assert bucket("10.0") == 4 and bucket("+Inf") == 5
    assert samples['modelplane_gateway_subgraph_fetch_seconds_count{subgraph="accounts"}'] == 5
    assert abs(samples['modelplane_gateway_subgraph_fetch_seconds_sum{subgraph="accounts"}'] - 11.0226) < 1e-9
    key = 'modelplane_gateway_subgraph_failures_total{code="SUBREQUEST_TIMEOUT",subgraph="accounts"}'
    assert samples[key] == 1


def test_light_metrics_refuse_wrong_labels_and_negative_counts() -> None:
    metrics = GatewayMetrics()
    with pytest.raises(ValueError):
        metrics.subgraph_latency.labels("accounts", "extra")
    with pytest.raises(ValueError):
        metrics.requests.labels("Op", "ok").inc(-1)
