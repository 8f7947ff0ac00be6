"""The deploy subgraph: serving environments and KServe InferenceServices."""
