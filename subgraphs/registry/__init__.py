"""The registry subgraph: registered models, versions, artifacts and experiments."""
