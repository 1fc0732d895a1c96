import pytest

from wijksturing.areas.models import Area, Level
from wijksturing.areas.services import AreaInputError, gebieden_load, gebieden_load_file, layout_register


@pytest.mark.django_db
def test_gebieden_group_wijken_and_reject_bad_definitions():
    layout_register(municipality_code="GM0202", municipality_name="Arnhem", year=2024,
                    regions=[("WK020201", "Centrum"), ("WK020202", "Spijkerkwartier"), ("WK020204", "Presikhaaf-West"),
                             ("BU02020100", "Markt")], source="test")
    gebieden_load(data={"municipality": "GM0202", "gebieden": [
        {"code": "W1", "name": "CSA", "wijken": ["WK020201", "WK020202"]}]})
    w1 = Area.objects.get(code="W1")
    assert w1.level == Level.GEBIED and w1.parent.code == "GM0202"
    assert Area.objects.get(code="WK020201").parent == w1
    assert Area.objects.get(code="WK020204").parent.code == "GM0202"
    assert Area.objects.get(code="BU02020100").parent.code == "WK020201"
    with pytest.raises(AreaInputError, match="already in gebied W1"):
        gebieden_load(data={"municipality": "GM0202", "gebieden": [
            {"code": "W1", "name": "CSA", "wijken": ["WK020201"]}, {"code": "W2", "name": "X", "wijken": ["WK020201"]}]},
            filename="g.yaml")
    with pytest.raises(AreaInputError, match="'WK026801' is not a wijk of GM0202"):
        gebieden_load(data={"municipality": "GM0202", "gebieden": [{"code": "W9", "name": "X", "wijken": ["WK026801"]}]})
    assert Area.objects.get(code="WK020201").parent.code == "W1"  # the failed loads changed nothing


@pytest.mark.django_db
def test_a_gebieden_csv_is_read_with_semicolons_and_refused_when_not_utf8(tmp_path):
    layout_register(municipality_code="GM0202", municipality_name="Arnhem", year=2024,
                    regions=[("WK020201", "Centrum"), ("WK020202", "Spijkerkwartier")], source="test")
    path = tmp_path / "gebieden.csv"
    path.write_text("gemeentecode;gebiedcode;gebiednaam;wijkcode\nGM0202;W1;Centrum-Spijker;WK020201\n"
                    "GM0202;W1;Centrum-Spijker;WK020202\n", encoding="utf-8-sig")
    gebieden_load_file(path=path)
    assert sorted(Area.objects.filter(parent__code="W1").values_list("code", flat=True)) == ["WK020201", "WK020202"]
    path.write_bytes("gemeentecode;gebiedcode;gebiednaam;wijkcode\nGM0202;W2;Caf\u00e9;WK020201\n".encode("latin-1"))
    with pytest.raises(AreaInputError, match=r"gebieden.csv: row 2: the file is not in UTF-8"):
        gebieden_load_file(path=path)
    path.write_text("gemeentecode;gebiedcode;gebiednaam\nGM0202;W2;Noord\n", encoding="utf-8")
    with pytest.raises(AreaInputError, match=r"gebieden.csv: row 2: column 'wijkcode' is empty or missing"):
        gebieden_load_file(path=path)
