"""The pages of the budgets app, one module per group of pages (see docs/architecture.md)."""
