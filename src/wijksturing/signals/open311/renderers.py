"""GeoReport v2 renderers. JSON is a plain JSON array/object; XML follows the specification's
examples: a root element (``services``, ``service_requests``, ``service_definition``,
``errors``), one child per item (``service``, ``request``, ``error``), nested lists named by
their plural with singular children (``attributes/attribute``, ``values/value``), ``null`` as an
empty element and booleans as ``true``/``false``."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from rest_framework.renderers import BaseRenderer, JSONRenderer

from wijksturing.signals.text import xml_safe

SINGULAR = {"attributes": "attribute", "values": "value", "services": "service",
            "service_requests": "request", "errors": "error"}


class Open311JSONRenderer(JSONRenderer):
    format = "json"
    media_type = "application/json"
    charset = "utf-8"


def _text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return xml_safe(str(value))  # text stored before input was checked must not break the document


def _append(parent: ET.Element, tag: str, value) -> None:
    element = ET.SubElement(parent, tag)
    if isinstance(value, dict):
        for key, item in value.items():
            _append(element, key, item)
    elif isinstance(value, (list, tuple)):
        child = SINGULAR.get(tag, "item")
        for item in value:
            _append(element, child, item)
    else:
        element.text = _text(value)


class Open311XMLRenderer(BaseRenderer):
    format = "xml"
    media_type = "application/xml"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None) -> bytes:
        response = (renderer_context or {}).get("response")
        root_tag = getattr(response, "open311_root", None) or "response"
        root = ET.Element(root_tag)
        if isinstance(data, list):
            child = SINGULAR.get(root_tag, "item")
            for item in data:
                _append(root, child, item)
        elif isinstance(data, dict):
            for key, value in data.items():
                _append(root, key, value)
        ET.indent(root)
        return ('<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode")).encode()
