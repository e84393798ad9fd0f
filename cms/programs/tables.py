"""The dataset's tables (income limits by household size) made readable on a phone and by a
screen reader: each goes in a box of its own that scrolls sideways when the table is wider than
the screen, named and reachable by keyboard, and a first row of bold cells becomes the column
headers it stands for. Takes HTML already cleaned to the allow-list (cms.core.sanitise)."""

from bs4 import BeautifulSoup

# A screen reader reads the box's name before the table; a long header row is cut.
MAX_LABEL = 100


def readable_tables(html):
    if "<table" not in html:
        return html
    soup = BeautifulSoup(html, "html.parser")
    for table in soup.find_all("table"):
        _promote_header_row(table)
        label = _label(table)
        if label:
            box = soup.new_tag(
                "div", attrs={"class": "table-scroll", "role": "region", "tabindex": "0"}
            )
            box["aria-label"] = label
            table.wrap(box)
    return str(soup)


def _rows(table):
    """The table's own rows, not those of a table inside one of its cells."""
    return [row for row in table.find_all("tr") if row.find_parent("table") is table]


def _cells(row):
    return row.find_all(["th", "td"], recursive=False)


def _promote_header_row(table):
    """The dataset marks its header row only by bold text: `<td><p><strong>Household size`."""
    rows = _rows(table)
    if not rows or any(row.find("th", recursive=False) for row in rows):
        return
    cells = _cells(rows[0])
    if cells and all(_all_bold(cell) for cell in cells):
        for cell in cells:
            cell.name = "th"
            cell["scope"] = "col"


def _all_bold(cell):
    texts = [text for text in cell.find_all(string=True) if text.strip()]
    return bool(texts) and all(text.find_parent("strong") for text in texts)


def _text(element):
    return " ".join(element.get_text(" ").split())


def _label(table):
    """The caption, else the first row's cells ("Household size, Yearly income")."""
    caption = table.find("caption", recursive=False)
    label = _text(caption) if caption else ""
    if not label:
        rows = _rows(table)
        label = ", ".join(filter(None, map(_text, _cells(rows[0])))) if rows else ""
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1] + "…"
