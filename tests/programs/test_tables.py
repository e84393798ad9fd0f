"""The dataset's tables (income limits by household size) stay tables on the program page, each
in a box of its own that scrolls sideways on a narrow phone, and no attribute a table could carry
lets script or styling through."""

import pytest
from bs4 import BeautifulSoup

from cms.core.sanitise import clean_html
from cms.programs.tables import readable_tables
from tests.programs.factories import dataset_row
from tests.programs.test_sanitise import XSS_CORPUS, assert_harmless

pytestmark = pytest.mark.django_db

# As Head Start's eligibility comes in the dataset: the header row is bold text in plain cells.
INCOME_TABLE = (
    "<p>Your household income is at or below these levels:</p>"
    "<table><tr><td><p><strong>Household size</strong></p></td>"
    "<td><p><strong>Yearly income</strong></p></td></tr>"
    "<tr><td><p>2</p></td><td><p>$21,640</p></td></tr>"
    "<tr><td><p>3</p></td><td><p>$27,320</p></td></tr>"
    "<tr><td><p>For each additional person:   </p></td><td><p>+$5,680</p></td></tr></table>"
    "<p><strong>You may still qualify even if your income is over the limit.</strong></p>"
)


def program_page(sync, get, eligibility):
    sync(
        [
            dataset_row(
                7,
                program_name="Head Start",
                age_group="Everyone",
                plain_language_eligibility=eligibility,
            )
        ]
    )
    response = get("growingup", "/programs/head-start/")
    assert response.status_code == 200
    return BeautifulSoup(response.text, "html.parser")


def section(page, heading_id):
    return page.find(id=heading_id).find_parent("section")


def cells(table):
    return [
        [" ".join(cell.get_text().split()) for cell in row.find_all(["th", "td"])]
        for row in table.find_all("tr")
    ]


def test_an_income_table_keeps_its_rows_and_columns(sync, program_pages, get):
    page = program_page(sync, get, INCOME_TABLE)

    table = section(page, "eligibility").find("table")

    assert table is not None
    assert cells(table) == [
        ["Household size", "Yearly income"],
        ["2", "$21,640"],
        ["3", "$27,320"],
        ["For each additional person:", "+$5,680"],
    ]
    # The bold first row becomes the column headers a screen reader reads with each number.
    headers = table.find("tr").find_all("th")
    assert [th.get("scope") for th in headers] == ["col", "col"]


def test_each_table_scrolls_in_a_named_box_a_keyboard_can_reach(sync, program_pages, get):
    page = program_page(sync, get, INCOME_TABLE + INCOME_TABLE.replace("Yearly", "Monthly"))

    tables = section(page, "eligibility").find_all("table")

    assert len(tables) == 2
    labels = []
    for table in tables:
        box = table.parent
        assert box.name == "div" and box["class"] == ["table-scroll"]
        assert box["role"] == "region" and box["tabindex"] == "0"
        labels.append(box["aria-label"])
    assert labels == ["Household size, Yearly income", "Household size, Monthly income"]


def test_a_caption_names_its_table(sync, program_pages, get):
    page = program_page(
        sync,
        get,
        "<table><caption>Income limits for 2026</caption>"
        "<thead><tr><th scope='col'>Family size</th><th scope='col'>Monthly</th></tr></thead>"
        "<tbody><tr><td>1</td><td>$2,909</td></tr></tbody></table>",
    )

    table = section(page, "eligibility").find("table")

    assert table.caption.get_text() == "Income limits for 2026"
    assert table.parent["aria-label"] == "Income limits for 2026"
    assert cells(table) == [["Family size", "Monthly"], ["1", "$2,909"]]


def test_a_table_keeps_only_its_safe_attributes(sync, program_pages, get):
    page = program_page(
        sync,
        get,
        '<table style="width:900px" onclick="alert(1)" class="wide">'
        '<tr><th scope="row" onmouseover="alert(2)" style="color:red">Size</th>'
        '<td colspan="2" rowspan="1" width="500">$1</td></tr>'
        '<tr><th scope="javascript:alert(3)">x</th><td colspan="100000">$2</td>'
        '<td colspan="-1">$3</td></tr></table>',
    )

    table = section(page, "eligibility").find("table")
    markup = str(table).lower()

    assert table.attrs == {}
    assert "alert" not in markup and "style" not in markup and "width" not in markup
    first, second = table.find_all("tr")
    assert first.th.attrs == {"scope": "row"}
    assert first.td.attrs == {"colspan": "2", "rowspan": "1"}
    assert second.th.attrs == {}
    assert [td.attrs for td in second.find_all("td")] == [{}, {}]


@pytest.mark.parametrize("attack", XSS_CORPUS)
def test_nothing_that_runs_script_survives_inside_a_table(attack):
    html = f"<table><caption>{attack}</caption><tr><th>{attack}</th><td>{attack}</td></tr></table>"

    assert_harmless(readable_tables(clean_html(html, tables=True)))


def test_other_outside_html_still_loses_its_tables():
    assert clean_html("<table><tr><td>Hi</td></tr></table>") == "Hi"
