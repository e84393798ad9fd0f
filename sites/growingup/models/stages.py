def age_choices(stages):
    """(slug, "Toddler (1 to 3 years)") for a filter by age."""
    return [(stage.slug, f"{stage.name} ({stage.age_label})") for stage in stages]
