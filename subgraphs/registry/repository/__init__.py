"""The registry's SQL: reads (pages, lookups, batches) and writes (one transaction each)."""
