"""The eight age stages, from pregnancy to young adulthood, with Spanish and Arabic names, read
from demo_data/age_stages.toml and the catalogs beside it."""

from pathlib import Path

from cms.core.demo_data import read_toml, translations

DATA = Path(__file__).parent / "demo_data"

# slug, name, age label, months from, months to, colour, icon
AGE_STAGES = [
    (
        stage["slug"],
        stage["name"],
        stage["age_label"],
        stage.get("months_from"),
        stage.get("months_to"),
        stage["colour"],
        stage["icon"],
    )
    for stage in read_toml(DATA / "age_stages.toml")["stage"]
]

# {language code: {English name or label: translation}}
TRANSLATIONS = translations(DATA, "age stage")
