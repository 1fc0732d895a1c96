"""The pages of the signals app, one module per group of pages (see docs/architecture.md)."""
