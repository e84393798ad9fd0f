import factory
from wagtail.models import Locale

from cms.programs.models import Program, ProgramIndexPage


def dataset_row(number=1, language="English", suffix="en", **columns):
    """A row as the SODA endpoint returns it: flat, every value a string."""
    row = {
        "unique_id_number": f"P{number:03d}{suffix}",
        "program_code": f"S2R{number:03d}",
        "language": language,
        "program_name": f"Program {number}",
        "plain_language_program_name": f"Help number {number}",
        "program_category": "Food",
        "government_agency": "NYC Human Resources Administration (HRA)",
        "population_served": "Families with children",
        "age_group": "Toddler",
        "brief_excerpt": f"Short words about program {number}.",
        "program_description": f"<p>What program {number} is.</p>",
        "plain_language_eligibility": "<p>Families who live in New York City.</p>",
        "how_to_apply_summary": "<p>Apply online.</p>",
        "url_of_online_application": "https://example.org/apply",
        "updated_at": "2026-01-24T11:00:50.000",
    }
    row.update(columns)
    return row


class ProgramFactory(factory.django.DjangoModelFactory):
    unique_id_number = factory.Sequence(lambda n: f"T{n:03d}en")
    program_key = factory.LazyAttribute(lambda o: o.unique_id_number[:-2])
    program_name = factory.Sequence(lambda n: f"Test program {n}")
    plain_language_name = factory.Sequence(lambda n: f"Plain help {n}")
    slug = factory.Sequence(lambda n: f"test-program-{n}")
    category = "food"
    age_stages = "toddler"
    brief_excerpt = "Short words."
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Program


class ProgramIndexPageFactory(factory.django.DjangoModelFactory):
    title = "Programs"
    slug = "programs"

    class Meta:
        model = ProgramIndexPage

    @classmethod
    def _create(cls, model_class, *args, parent, **kwargs):
        page = model_class(*args, **kwargs)
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page
