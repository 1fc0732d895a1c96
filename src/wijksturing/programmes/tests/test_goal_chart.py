"""The goal page's chart under the Dutch locale: SVG coordinates with a decimal point, figures
rounded to the indicator's decimals (issue 14: ``y1="240,0"`` and ``188,94736842105263``)."""

import re

import pytest

from wijksturing.programmes.charts import line_chart, value_rows
from wijksturing.programmes.tests import factories as f

pytestmark = pytest.mark.django_db
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def test_goal_page_svg_coordinates_are_machine_numbers(client):
    t = f.tree()
    ind = f.indicator()
    f.observe("W1", ind, {2021: 188.94736842105263, 2022: 95.5, 2023: 90.25})
    f.measure(t["goal"], ind=ind, baseline=(2020, 100.0), target=(2030, 80.0))
    html = client.get(f"/doel/{t['goal'].pk}/", HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    svg = html.split("<svg", 1)[1].split("</svg>", 1)[0]
    attributes = re.findall(r'\b(x|y|x1|x2|y1|y2|cx|cy)="([^"]*)"', svg)
    assert len(attributes) > 10
    assert all(NUMBER.match(v) for _name, v in attributes), [a for a in attributes if not NUMBER.match(a[1])]
    path = re.search(r'<path class="observed" d="([^"]*)"', svg).group(1)
    assert re.fullmatch(r"M[\d.]+,[\d.]+( L[\d.]+,[\d.]+)*", path.replace("L", " L").replace("  ", " ")), path
    assert "188,94736842105263" not in html and "188.94736842105263" not in html
    assert ind.decimals == 1
    assert "<td>188,9</td>" in html and "<td>100,0</td>" in html and "<td>80,0</td>" in html  # figure, baseline, target


def test_chart_labels_for_people_coordinates_for_machines():
    chart = line_chart(series=[(2021, 188.94736842105263), (2022, 1234.5)], baseline=(2020, 100.0),
                       target=(2030, 80.0), decimals=1)
    assert chart.points[0]["value"] == "188,9" and chart.points[1]["value"] == "1.234,5"
    for p in chart.points:
        assert NUMBER.match(p["x"]) and NUMBER.match(p["y"])
    assert all(NUMBER.match(v) for v in chart.plan.values())
    assert value_rows(series=[(2021, 188.94736842105263), (2022, None)], decimals=1) == [(2021, "188,9"), (2022, "–")]
