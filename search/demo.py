"""The words residents type for what the sites call otherwise, in English and Spanish, as the
city's current site keeps them. Editors add more under Snippets > Search synonyms."""

from search.models import SearchSynonym

SYNONYM, CORRECTION = SearchSynonym.SYNONYM, SearchSynonym.CORRECTION

RULES = [
    ("en", "food stamps, foodstamps, ebt", "SNAP food", SYNONYM),
    ("en", "daycare, day care, babysitting", "child care", SYNONYM),
    ("en", "pre k, prek, upk", "pre-K", SYNONYM),
    ("en", "3k, three k", "3-K", SYNONYM),
    ("en", "medicaid, health insurance for kids", "Child Health Plus", SYNONYM),
    ("en", "after school, afterschool", "afterschool", SYNONYM),
    ("en", "summer youth employment, syep", "summer jobs", SYNONYM),
    ("en", "id card, idnyc, city id", "IDNYC", SYNONYM),
    ("en", "taxes, tax return", "tax", SYNONYM),
    ("en", "speech delay, not talking, isnt talking", "early intervention", SYNONYM),
    ("en", "pregnant, pregnancy", "expecting", SYNONYM),
    ("en", "chidcare, childcar, chilcare", "child care", CORRECTION),
    ("en", "scholarhsip, scolarship", "scholarship", CORRECTION),
    ("en", "summr, sumer", "summer", CORRECTION),
    ("es", "cupones de comida, estampillas de comida", "SNAP alimentos", SYNONYM),
    ("es", "guarderia, guardería", "cuidado infantil", SYNONYM),
    ("es", "trabajo para jovenes, trabajo de verano", "empleo juvenil", SYNONYM),
    ("es", "seguro medico, seguro de salud para ninos", "Child Health Plus", SYNONYM),
    ("es", "despues de la escuela", "extracurricular", SYNONYM),
    ("es", "impuestos", "impuestos tax", SYNONYM),
    ("es", "3k, 3 k", "3-K", SYNONYM),
]


def load(report):
    created = 0
    for language, typed, official, kind in RULES:
        _rule, was_created = SearchSynonym.objects.get_or_create(
            language=language, typed=typed, defaults={"official": official, "kind": kind}
        )
        created += was_created
    if created:
        report(f"Search: {created} synonyms and corrections created")
