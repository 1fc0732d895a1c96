"""The pages of the surveys app, one module per group of pages (see docs/architecture.md)."""
