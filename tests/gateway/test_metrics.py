"""Gateway metrics: labels from client-chosen operation names stay bounded."""

from __future__ import annotations

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
