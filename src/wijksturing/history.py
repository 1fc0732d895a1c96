"""Append-only history rows for the state machines (see :mod:`wijksturing.core.statemachine`).

A history model (a signal's status changes, an initiative's events, a round's phase changes)
derives from :class:`AppendOnly`: a row is written once, by the app's service, and then neither
edited nor deleted through the ORM. Shared Django plumbing, not an app: it has no tables itself.
"""

from __future__ import annotations

from django.db import models


class AppendOnly(models.Model):
    """An abstract model whose rows can be created, never saved again or deleted."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError(f"{self._meta.verbose_name_plural} are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError(f"{self._meta.verbose_name_plural} are append-only.")
