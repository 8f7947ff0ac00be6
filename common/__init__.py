"""What the gateway and the subgraphs share: config, errors, tenancy, filters, HTTP app wiring."""
