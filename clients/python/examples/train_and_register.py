"""Train a tiny model, save it, and register it in Modelplane with its metrics.

    MODELPLANE_URL=http://127.0.0.1:8000/graphql python examples/train_and_register.py
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

from modelplane_client import Modelplane


def train(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Least squares for y = a*x + b: the stand-in for a real training loop."""
    n = len(points)
    mean_x = sum(x for x, _ in points) / n
    mean_y = sum(y for _, y in points) / n
    a = sum((x - mean_x) * (y - mean_y) for x, y in points) / sum((x - mean_x) ** 2 for x, _ in points)
    return a, mean_y - a * mean_x


def main() -> None:
    data = [(x, 2.0 * x + 1.0 + (0.1 if x % 2 else -0.1)) for x in range(20)]
    a, b = train(data)
    mse = sum((a * x + b - y) ** 2 for x, y in data) / len(data)

    out_dir = Path(os.environ.get("MODEL_OUTPUT_DIR") or tempfile.mkdtemp(prefix="model-"))
    weights = out_dir / "model.json"
    weights.write_text(json.dumps({"a": a, "b": b}))

    name = sys.argv[1] if len(sys.argv) > 1 else "linear-demo"
    version = sys.argv[2] if len(sys.argv) > 2 else "v1"
    with Modelplane() as modelplane:  # $MODELPLANE_URL, default http://127.0.0.1:8000/graphql
        registered = modelplane.register_model(
            name,
            version,
            weights.as_uri(),
            model_format="json",
            author="train_and_register.py",
            labels=["demo"],
            properties={"epochs": 1, "dataset": "synthetic-20"},
            metrics={"mse": mse, "slope": a},
        )
    print(json.dumps({"model_id": registered.model_id, "version_id": registered.version_id, "mse": mse}))


if __name__ == "__main__":
    main()
