"""The pages of the programmes app, one module per group of pages (see docs/architecture.md)."""
