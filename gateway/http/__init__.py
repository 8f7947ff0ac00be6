"""GraphQL over HTTP: request parsing, status codes, GraphiQL."""
