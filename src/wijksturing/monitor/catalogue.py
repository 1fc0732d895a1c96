"""Loading the indicator catalogue and the index definition (YAML files in catalogue/) into the
database. The files are the source of truth; loading again updates the rows."""

from __future__ import annotations

from pathlib import Path

import yaml
from django.db import transaction

from wijksturing.monitor.models import IndexComponent, IndexDimension, Indicator

CATALOGUE_DIR = Path(__file__).parent / "catalogue"


def catalogue_data(path: Path | None = None) -> dict:
    return yaml.safe_load((path or CATALOGUE_DIR / "indicators.yaml").read_text(encoding="utf-8"))


def index_data(path: Path | None = None) -> dict:
    return yaml.safe_load((path or CATALOGUE_DIR / "index.yaml").read_text(encoding="utf-8"))


@transaction.atomic
def catalogue_load(*, path: Path | None = None, index_path: Path | None = None) -> int:
    data = catalogue_data(path)
    themes = data.get("themes", {})
    items = data["indicators"]
    for order, item in enumerate(items):
        if item["theme"] not in themes:
            raise ValueError(f"indicator {item['code']}: unknown theme {item['theme']!r}")
        Indicator.objects.update_or_create(
            code=item["code"],
            defaults={
                "name_nl": item["name"]["nl"], "name_en": item["name"]["en"],
                "definition": item.get("definition", ""), "source": item.get("source", ""),
                "unit": item.get("unit", ""), "decimals": item.get("decimals", 0), "theme": item["theme"],
                "direction": item.get("direction", "neutral"), "aggregation": item["aggregation"],
                "scale": item.get("scale", 1), "suppress_below": item.get("suppress_below", 0),
                "context": item.get("context", False), "keys": item.get("keys", {}), "order": order,
                "published": item.get("published", True),
            },
        )
    by_code = {i.code: i for i in Indicator.objects.all()}
    for item in items:
        indicator = by_code[item["code"]]
        indicator.numerator = by_code[item["numerator"]] if item.get("numerator") else None
        base = item.get("denominator") or item.get("weight")
        if item["aggregation"] in ("ratio", "weighted_mean") and base not in by_code:
            raise ValueError(f"indicator {item['code']}: denominator/weight {base!r} is not in the catalogue")
        indicator.denominator = by_code[base] if base else None
        indicator.save(update_fields=["numerator", "denominator"])
    index_load(path=index_path)
    return len(items)


def index_load(*, path: Path | None = None) -> None:
    data = index_data(path)
    IndexComponent.objects.all().delete()
    IndexDimension.objects.exclude(code__in=[d["code"] for d in data["dimensions"]]).delete()
    for order, dim in enumerate(data["dimensions"]):
        dimension, _ = IndexDimension.objects.update_or_create(
            code=dim["code"],
            defaults={"name_nl": dim["name"]["nl"], "name_en": dim["name"]["en"], "weight": dim.get("weight", 1), "order": order},
        )
        for component in dim["indicators"]:
            indicator = Indicator.objects.get(code=component["code"])
            if indicator.context:
                raise ValueError(f"{indicator.code} describes who lives somewhere and may not be part of the index")
            if indicator.direction == "neutral":
                raise ValueError(f"{indicator.code} has no direction and cannot be part of the index")
            IndexComponent.objects.create(dimension=dimension, indicator=indicator, weight=component.get("weight", 1))
