"""The pages of the reports app, one module per group of pages (see docs/architecture.md)."""
