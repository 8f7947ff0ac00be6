"""The subgraphs: registry, catalog and deploy, each a Federation 2 GraphQL service."""
