"""The pages of the organisations app, one module per group of pages (see docs/architecture.md)."""
