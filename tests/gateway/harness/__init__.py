"""Harness for the gateway audit corpus: fixture subgraphs over HTTP, suites, the reference recorder."""
