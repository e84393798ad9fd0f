"""What the filterable lists (trips, profiles) share: reading the filter choices from the query
string."""


class ListingFilter:
    """The filters of a list, from a GET query. `choices` maps a filter name to its (value,
    label) options; `flags` are on/off checkboxes. Unknown values are ignored, so a stale or
    hand-made address still shows a list."""

    def __init__(self, params, choices, flags=()):
        self.choices = choices
        self.flags = flags
        self.values = {}
        for name, options in choices.items():
            value = params.get(name, "")
            if value in {str(option) for option, _label in options}:
                self.values[name] = value
        for name in flags:
            if params.get(name) == "1":
                self.values[name] = True

    @property
    def is_filtered(self):
        return bool(self.values)

    def selects(self):
        """(name, options, chosen value) for each drop-down, for the template."""
        return [
            (name, options, self.values.get(name, "")) for name, options in self.choices.items()
        ]
