"""Ages as parents say them: in months up to two years, then in years."""

from django.utils.translation import ngettext, pgettext

MONTHS_UNTIL_YEARS = 24


def _months(count):
    return ngettext("%(count)s month", "%(count)s months", count) % {"count": count}


def _years(count):
    return ngettext("%(count)s year", "%(count)s years", count) % {"count": count}


def age(months):
    """ "11 months", "2 years": in whole years from two years on."""
    return _months(months) if months < MONTHS_UNTIL_YEARS else _years(months // 12)


def age_range(months_from, months_to):
    """From a child's age in months to another, inclusive: "Birth to 10 years" (0 to 131),
    "6 to 11 months", "11 months to 2 years", "2 to 3 years" (24 to 47)."""
    in_years = months_to >= MONTHS_UNTIL_YEARS
    end = months_to // 12 if in_years else months_to
    if months_from == 0:
        if in_years:
            text = ngettext("Birth to %(count)s year", "Birth to %(count)s years", end)
        else:
            text = ngettext("Birth to %(count)s month", "Birth to %(count)s months", end)
        return text % {"count": end}
    if in_years != (months_from >= MONTHS_UNTIL_YEARS):
        return pgettext("ages", "%(start)s to %(end)s") % {
            "start": age(months_from),
            "end": age(months_to),
        }
    start = months_from // 12 if in_years else months_from
    if start == end:
        return age(months_from)
    if in_years:
        text = ngettext("%(start)s to %(end)s year", "%(start)s to %(end)s years", end)
    else:
        text = ngettext("%(start)s to %(end)s month", "%(start)s to %(end)s months", end)
    return text % {"start": start, "end": end}
