"""The Modelplane federation gateway: supergraph → plan → execute → merge, over HTTP."""
