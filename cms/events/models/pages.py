"""Event pages: an index per site (the listing and its feeds) and an event page per event."""

import hashlib
import json
import re
from dataclasses import replace

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Subquery
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Locale, Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.core import build_cache, places
from cms.core.age_stages import AgeStagesField, age_stage_filter
from cms.core.blocks import RICH_TEXT_FEATURES
from cms.core.city_time import local_midnight
from cms.core.languages import with_original_languages
from cms.core.models import BOROUGHS, BasePage
from cms.events import views
from cms.events.forms import EventPageForm
from cms.events.listing_feeds import named_feed_filters, named_feed_names
from cms.events.models.occurrence import EventOccurrence
from cms.events.patterns import pattern_in_words
from cms.events.recurrence import (
    EARLIEST_YEAR,
    LATEST_YEAR,
    MAX_OCCURRENCES,
    MONTHLY_CHOICES,
    REPEAT_CHOICES,
    SAME_DATE,
    WEEKDAY_CODES,
    WEEKLY,
    OccurrenceChange,
    Schedule,
    to_local,
)

AUDIENCES = [("family", _("Families")), ("youth", _("Young people"))]
# A phone number as people write one: digits with spaces, dots, dashes, brackets, a leading +,
# and an extension.
PHONE = RegexValidator(
    r"^\+?[\d\s().-]{7,25}(\s*(ext|x)\.?\s*\d{1,6})?$",
    _("Enter a phone number, such as 212-555-0100."),
    flags=re.IGNORECASE,
)
ACCESSIBILITY = [
    ("fully", _("Fully accessible")),
    ("partially", _("Partially accessible")),
    ("unknown", _("Accessibility not known")),
]


def english_page(page):
    """The English page that holds the dates under `page` (translations and untranslated
    copies follow English)."""
    if page.alias_of_id:
        page = page.alias_of.specific
    default = Locale.get_default()
    if page.locale_id != default.id:
        page = page.get_translation_or_none(default) or page
    return page


def event_filter(
    prefix="", *, age_stage=None, borough=None, audience=None, free=None, virtual=None
):
    """A Q for the event fields the listings and feeds filter on."""
    conditions = models.Q()
    if age_stage:
        conditions &= age_stage_filter(f"{prefix}age_stage_slugs", age_stage)
    if borough:
        conditions &= models.Q(**{f"{prefix}borough": borough})
    if audience:
        conditions &= models.Q(**{f"{prefix}audience": audience})
    if free is not None:
        conditions &= models.Q(**{f"{prefix}is_free": free})
    if virtual is not None:
        conditions &= models.Q(**{f"{prefix}is_virtual": virtual})
    return conditions


def _flag(value):
    return True if value in (True, "1", "true", "on", "yes") else None


class EventIndexPage(RoutablePageMixin, BasePage):
    """A site's events: upcoming dates with filters, and calendar feeds to subscribe to."""

    intro = RichTextField(features=RICH_TEXT_FEATURES, blank=True)

    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1
    template = "events/event_index_page.html"
    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("event listing")

    @path("")
    def listing(self, request):
        return views.event_listing(request, self)

    @path("page/<int:number>/")
    def listing_page(self, request, number):
        return views.event_listing(request, self, page_number=number)

    # Wagtail routes sub-paths with a trailing slash; the files are served without one.
    @path(f"{views.ITEMS_FILE}/")
    def items(self, request):
        return views.event_items(request, self)

    @path("feed.ics/")
    def feed(self, request):
        return views.event_feed(request, self, request.GET)

    @path("feeds/<slug:name>.ics/")
    def named_feed(self, request, name):
        return views.event_feed(request, self, named_feed_filters(name))

    def static_site_paths(self):
        """The listing, its numbered pages and its JSON, the site feed and one feed per age stage
        and per borough (paths without query strings, so the static build can write them)."""
        yield ""
        for number in range(2, views.listing_page_count(self) + 1):
            yield f"page/{number}/"
        yield views.ITEMS_FILE
        yield "feed.ics"
        for name in named_feed_names():
            yield f"feeds/{name}.ics"

    def occurrences(self, **filters):
        """Dates of the listing's live events (see EventPage.occurrences_under)."""
        return EventPage.occurrences_under(english_page(self), **filters)

    def next_dates(self, **filters):
        """What the listing shows: each event once, at its next date in the range."""
        return self.occurrences(**filters).next_of_each_event()

    def in_language(self, occurrences, locale):
        """The listing's occurrences, each with its event page in `locale` (see
        EventPage.in_language)."""
        return EventPage.in_language(occurrences, locale)

    def feed_entries(self, locale, filters):
        """The stored VEVENTs of the listing's live events that match `filters` and still have a
        date on or after a month ago, each in `locale` when translated (the UID is the same in
        every language)."""
        default = Locale.get_default()
        current = EventOccurrence.objects.current()
        events = (
            EventPage.objects.live()
            .child_of(english_page(self))
            .filter(pk__in=Subquery(current.values("event_id")))
            .filter(
                event_filter(
                    age_stage=filters.get("age") or None,
                    borough=filters.get("borough") or None,
                    free=_flag(filters.get("free")),
                    virtual=_flag(filters.get("virtual")),
                )
            )
            .order_by("starts_at", "pk")
            # Pages, not values: the static build notes which events a feed read, to render
            # it again when one of them changes.
            .only("translation_key", "calendar_entry")
        )
        entries = {event.translation_key: event.calendar_entry for event in events}
        if locale is not None and locale.id != default.id:
            translated = EventPage.objects.live().filter(
                locale=locale, translation_key__in=list(entries)
            )
            entries.update(
                (event.translation_key, event.calendar_entry)
                for event in translated.only("translation_key", "calendar_entry")
            )
        return list(entries.values())


class EventPage(places.PlaceLinks, RoutablePageMixin, BasePage):
    """One event, or a series of dates of the same event. Times are stored in UTC and shown in
    New York time."""

    description = RichTextField(features=RICH_TEXT_FEATURES, blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    image_alt = models.CharField(
        _("image description"),
        max_length=200,
        blank=True,
        help_text=_("Describe the image for people who cannot see it. Empty if decorative."),
    )

    starts_at = models.DateTimeField(_("starts"), help_text=_("New York time."))
    ends_at = models.DateTimeField(
        _("ends"),
        null=True,
        blank=True,
        help_text=_("For an event on several days, the end on the last day."),
    )
    all_day = models.BooleanField(_("all day"), default=False, help_text=_("Times are ignored."))
    repeat = models.CharField(
        _("repeats"), max_length=10, choices=REPEAT_CHOICES, blank=True, default=""
    )
    repeat_interval = models.PositiveSmallIntegerField(
        _("every"), default=1, help_text=_("1 for every week, 2 for every other week.")
    )
    repeat_weekdays = models.CharField(_("on these days"), max_length=30, blank=True)
    repeat_monthly = models.CharField(
        _("monthly"), max_length=15, choices=MONTHLY_CHOICES, default=SAME_DATE
    )
    repeat_until = models.DateField(_("until"), null=True, blank=True)
    repeat_count = models.PositiveSmallIntegerField(
        _("number of times"),
        null=True,
        blank=True,
        help_text=_("Instead of an end date: how many times in all."),
    )
    cancelled = models.BooleanField(
        _("whole event cancelled"),
        default=False,
        help_text=_("Keeps the page, marked cancelled. To cancel one date, add a change below."),
    )

    venue_name = models.CharField(_("place"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    borough = models.CharField(_("borough"), max_length=20, choices=BOROUGHS, blank=True)
    accessibility = models.CharField(
        _("wheelchair access"), max_length=10, choices=ACCESSIBILITY, default="unknown"
    )
    is_virtual = models.BooleanField(_("online"), default=False)
    online_url = models.URLField(_("online link"), blank=True)

    cost = models.CharField(_("cost"), max_length=120, blank=True)
    is_free = models.BooleanField(_("free"), default=False)
    age_stage_slugs = AgeStagesField(_("ages"))
    audience = models.CharField(_("audience"), max_length=10, choices=AUDIENCES, default="family")
    registration_url = models.URLField(_("registration link"), blank=True)
    organizer = models.CharField(_("organizer"), max_length=200, blank=True)
    organizer_email = models.EmailField(_("organizer's e-mail"), blank=True)
    organizer_phone = models.CharField(
        _("organizer's phone"),
        max_length=40,
        blank=True,
        validators=[PHONE],
        help_text=_("A number people can call with questions, such as 212-555-0100."),
    )
    featured = models.BooleanField(_("featured"), default=False)

    uid = models.CharField(
        _("calendar ID"), max_length=255, blank=True, db_index=True, editable=False
    )
    sequence = models.PositiveIntegerField(default=0, editable=False)
    schedule_hash = models.CharField(max_length=64, blank=True, editable=False)
    import_source = models.CharField(
        _("imported from"),
        max_length=255,
        blank=True,
        help_text=_("Set by the calendar import. Empty for events made here."),
    )
    import_hash = models.CharField(max_length=64, blank=True, editable=False)
    import_sequence = models.IntegerField(default=0, editable=False)
    import_missing = models.BooleanField(default=False, editable=False)
    calendar_entry = models.TextField(blank=True, editable=False)
    import_conflict = models.BooleanField(
        _("edited here since the last import"),
        default=False,
        help_text=_(
            "The partner's calendar changed this event after an editor did. Their changes "
            "were not applied. Untick to let the next import update it again."
        ),
    )

    base_form_class = EventPageForm
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    template = "events/event_page.html"

    # The schedule is the same in every language: a translation follows the English dates.
    override_translatable_fields = [
        SynchronizedField(name, overridable=False)
        for name in (
            "starts_at",
            "ends_at",
            "all_day",
            "repeat",
            "repeat_interval",
            "repeat_weekdays",
            "repeat_monthly",
            "repeat_until",
            "repeat_count",
            "cancelled",
            "borough",
            "is_virtual",
            "is_free",
            "organizer_email",
            "organizer_phone",
            "age_stage_slugs",
            "audience",
            "uid",
            "sequence",
            "schedule_hash",
            "import_source",
            "import_hash",
            "import_sequence",
            "import_missing",
            "skipped_dates",
            "extra_dates",
            "occurrence_changes",
        )
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("description"),
        index.FilterField("borough"),
        index.FilterField("is_free"),
    ]
    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("description"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                FieldPanel("all_day"),
                FieldPanel("cancelled"),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("repeat"), FieldPanel("repeat_interval")]),
                FieldPanel("repeat_weekdays"),
                FieldPanel("repeat_monthly"),
                FieldRowPanel([FieldPanel("repeat_until"), FieldPanel("repeat_count")]),
            ],
            heading=_("Repeats"),
            classname="collapsed",
        ),
        InlinePanel("skipped_dates", heading=_("Dates it does not happen"), label=_("Date")),
        InlinePanel("occurrence_changes", heading=_("Changes to one date"), label=_("Change")),
        InlinePanel("extra_dates", heading=_("Extra dates"), label=_("Extra date")),
        MultiFieldPanel(
            [
                FieldPanel("venue_name"),
                FieldPanel("address"),
                FieldPanel("borough"),
                FieldPanel("accessibility"),
                FieldPanel("is_virtual"),
                FieldPanel("online_url"),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("cost"), FieldPanel("is_free")]),
                FieldPanel("age_stage_slugs"),
                FieldPanel("audience"),
                FieldPanel("registration_url"),
                FieldPanel("organizer"),
                FieldRowPanel([FieldPanel("organizer_email"), FieldPanel("organizer_phone")]),
                FieldPanel("featured"),
            ],
            heading=_("Details"),
        ),
    ]
    promote_panels = [
        panel
        for panel in BasePage.promote_panels
        if getattr(panel, "field_name", None) != "summary"
    ]
    settings_panels = BasePage.settings_panels + [
        MultiFieldPanel(
            [
                FieldPanel("import_source", read_only=True),
                FieldPanel("import_conflict"),
            ],
            heading=_("Calendar import"),
        )
    ]

    class Meta:
        verbose_name = _("event")

    def __str__(self):
        return self.title

    @path("")
    def event(self, request):
        return views.event_detail(request, self)

    @path("event.ics/")
    def calendar_file(self, request):
        return views.event_calendar_file(request, self)

    def static_site_paths(self):
        return ["", "event.ics"]

    def search_card(self):
        return replace(
            super().search_card(),
            age_stages=tuple(self.age_stage_slugs),
            borough=self.borough,
            date=self.starts_at,
        )

    # Schedule

    @property
    def weekday_list(self):
        return [code for code in self.repeat_weekdays.split(",") if code]

    @property
    def schedule(self):
        return replace(
            self._rule,
            skipped_dates=[skipped.date for skipped in self._dates("skipped_dates")],
            extra_starts=[extra.starts_at for extra in self._dates("extra_dates")],
            changes=[change.as_change() for change in self._dates("occurrence_changes")],
        )

    def _dates(self, relation):
        """The page's skipped dates, extra dates or changed dates (`relation`) in their order;
        in a static build, picked from every event's, read once."""
        if not build_cache.active() or self.pk is None:
            return list(getattr(self, relation).all())
        every = build_cache.bulk(("event dates", relation), lambda: _dates_by_page(relation))
        dates = every.get(self.pk, [])
        build_cache.replay({(date._meta.label_lower, date.pk) for date in dates})
        return dates

    @property
    def _rule(self):
        """The schedule's first date and how it repeats, without the dates one by one."""
        return Schedule(
            starts_at=self.starts_at,
            ends_at=self.ends_at,
            all_day=self.all_day,
            repeat=self.repeat,
            interval=self.repeat_interval or 1,
            weekdays=self.weekday_list,
            monthly=self.repeat_monthly,
            until=self.repeat_until,
            count=self.repeat_count,
        )

    @property
    def pattern(self):
        """How the event repeats in plain words in the active language ("Every Wednesday, 10
        to 11 am"); "" when it does not repeat by a rule."""
        return pattern_in_words(self._rule)

    @cached_property
    def upcoming(self):
        """The next dates (with cancelled ones marked), at most ten."""
        return self.schedule.occurrences(limit=10)

    def expiry_datetime(self):
        """When the page has nothing left to offer: the end of its last date. None for a series
        with no end. cms.editorial sets the page's expiry from it on publish."""
        if self.repeat and not (self.repeat_until or self.repeat_count):
            return None
        occurrences = self.schedule.occurrences()
        if not occurrences:
            return None
        return max(occurrence.end_or_start for occurrence in occurrences)

    @property
    def is_recurring(self):
        return bool(self.repeat or self._dates("extra_dates"))

    @property
    def organizer_phone_link(self):
        """The organizer's number as a tel: address (digits and a leading +, no extension)."""
        number = re.split(r"(?i)\s*(?:ext|x)\.?\s*\d", self.organizer_phone)[0]
        digits = re.sub(r"[^\d+]", "", number)
        return f"tel:{digits}" if digits else ""

    @property
    def cost_text(self):
        """What the event costs, in the active language, saying "Free" once: the free flag's
        word, then the editor's note about the cost unless the note says it already (in the
        reader's language or, on a page not yet translated, in English)."""
        free = gettext("Free") if self.is_free else ""
        note = self.cost.strip()
        if not (free and note):
            return free or note
        for word in (free, "Free"):
            rest = note[len(word) :]
            if note.casefold().startswith(word.casefold()) and not rest[:1].isalnum():
                return note if rest.strip(" .!") else free
        return f"{free}. {note}"

    @property
    def attendance_mode(self):
        if self.is_virtual and (self.venue_name or self.address):
            return "mixed"
        return "online" if self.is_virtual else "offline"

    def clean(self):
        super().clean()
        errors = self.event_errors()
        if errors:
            raise ValidationError(errors)

    def event_errors(self):
        """What is wrong with the event's own fields (dates, repeats, online link), as
        {field name: message}. The calendar import checks its events with it too."""
        errors = {}
        for name in ("starts_at", "ends_at", "repeat_until"):
            moment = getattr(self, name)
            if moment and not EARLIEST_YEAR <= moment.year <= LATEST_YEAR:
                errors[name] = _("Give a date between %(first)s and %(last)s.") % {
                    "first": EARLIEST_YEAR,
                    "last": LATEST_YEAR,
                }
        if errors:
            return errors
        if self.ends_at and self.starts_at:
            if self.all_day:
                if to_local(self.ends_at).date() < to_local(self.starts_at).date():
                    errors["ends_at"] = _("The last day comes before the first day.")
            elif self.ends_at <= self.starts_at:
                errors["ends_at"] = _("The end must come after the start.")
        if self.repeat_until and self.repeat_count:
            errors["repeat_count"] = _("Give an end date or a number of times, not both.")
        if (
            self.repeat_until
            and self.starts_at
            and self.repeat_until < to_local(self.starts_at).date()
        ):
            errors["repeat_until"] = _("The series cannot end before it starts.")
        if self.repeat_count and self.repeat_count > MAX_OCCURRENCES:
            errors["repeat_count"] = _("At most %(max)s times.") % {"max": MAX_OCCURRENCES}
        if self.repeat == WEEKLY and self.weekday_list and self.starts_at:
            # Calendar apps disagree about a first date that is not one of the chosen days.
            if WEEKDAY_CODES[to_local(self.starts_at).weekday()] not in self.weekday_list:
                errors["repeat_weekdays"] = _("Include the weekday of the first date.")
        if self.is_virtual and not self.online_url:
            errors["online_url"] = _("Give the link people use to join online.")
        return errors

    def _normalise_all_day(self):
        # An all-day event runs from midnight of its first day in New York.
        if self.all_day and self.starts_at:
            self.starts_at = local_midnight(to_local(self.starts_at).date())
            if self.ends_at:
                self.ends_at = local_midnight(to_local(self.ends_at).date())

    def compute_schedule_hash(self):
        """A fingerprint of what calendar apps show: when, where, whether cancelled. A change
        to it bumps the iCalendar SEQUENCE so subscribers replace their copy."""
        schedule = self.schedule
        data = [
            schedule.rule_parts(),
            schedule.starts_at,
            schedule.ends_at,
            schedule.all_day,
            sorted(schedule.skipped_dates),
            sorted(schedule.extra_starts),
            sorted(
                [c.original_date, c.cancelled, c.starts_at, c.ends_at] for c in schedule.changes
            ),
            self.cancelled,
            self.venue_name,
            self.address,
            self.online_url,
        ]
        return hashlib.sha256(json.dumps(data, default=str).encode()).hexdigest()

    def listing_state(self):
        """What listings select and order the event by: its stored dates (with whether each is
        cancelled) and the facets they filter on. The static build renders the listings of the
        event's site again when it changes; otherwise only the pages that show the event.
        Translations and untranslated copies are listed by their English page: None."""
        if not self.owns_schedule:
            return None
        dates = EventOccurrence.objects.filter(event_id=self.pk).order_by("start", "pk")
        return (
            tuple(sorted(self.age_stage_slugs or ())),
            self.borough,
            self.audience,
            self.is_free,
            self.is_virtual,
            tuple(dates.values_list("start", "end", "cancelled")),
        )

    @property
    def owns_schedule(self):
        """English originals hold the dates; translations and aliases follow them."""
        return not self.alias_of_id and self.locale_id == Locale.get_default().id

    def save(self, *args, **kwargs):
        # A full save then refreshes the stored dates and calendar entry (signals.py).
        if kwargs.get("update_fields") is None:
            if self.locale_id is None:
                self.locale = self.get_default_locale()
            self._normalise_all_day()
            if not self.uid:
                self.uid = str(self.translation_key)
            if self.owns_schedule:
                self._bump_sequence()
        return super().save(*args, **kwargs)

    def _bump_sequence(self):
        new_hash = self.compute_schedule_hash()
        stored = (
            EventPage.objects.filter(pk=self.pk).values("schedule_hash", "sequence").first()
            if self.pk
            else None
        )
        if stored:
            self.sequence = stored["sequence"]
            if stored["schedule_hash"] and stored["schedule_hash"] != new_hash:
                self.sequence += 1
        self.schedule_hash = new_hash

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["now"] = timezone.now()
        return context

    # Stored dates (EventOccurrence)

    def refresh_occurrences(self):
        """Bring the stored dates of this English event page in line with its schedule."""
        EventOccurrence.objects.refresh_for(self)

    @classmethod
    def refresh_all_occurrences(cls):
        """Move every event's two-year window on to today. Returns the number of events."""
        events = cls.objects.filter(locale=Locale.get_default(), alias_of__isnull=True)
        count = 0
        for event in events.prefetch_related("skipped_dates", "extra_dates", "occurrence_changes"):
            event.refresh_occurrences()
            count += 1
        return count

    @classmethod
    def occurrences_under(cls, root, *, start=None, end=None, **filters):
        """Dates of live English events under `root` (a site's home or an event listing) that
        are on between `start` (default now) and `end` (default two years on), soonest first.
        `filters`: age_stage, borough, audience, free, virtual."""
        events = cls.objects.filter(
            live=True, path__startswith=root.path, depth__gt=root.depth
        ).filter(event_filter("", **filters))
        return EventOccurrence.objects.of_events(events, start=start, end=end)

    @classmethod
    def in_language(cls, occurrences, locale):
        """Give each occurrence the event page in `locale` (its translation, or the untranslated
        copy that mirrors English), falling back to the English page."""
        occurrences = list(occurrences)
        if not occurrences or locale is None or locale.id == occurrences[0].event.locale_id:
            return occurrences
        keys = {occurrence.event.translation_key for occurrence in occurrences}
        translated = {
            page.translation_key: page
            for page in cls.objects.live().filter(translation_key__in=keys, locale=locale)
        }
        for occurrence in occurrences:
            page = translated.get(occurrence.event.translation_key)
            if page is not None:
                occurrence.event = page
        # Untranslated copies say their cards are in English: one query for all of them.
        with_original_languages(occurrence.event for occurrence in occurrences)
        return occurrences

    @classmethod
    def upcoming_occurrences(cls, site, locale, *, limit=None, **filters):
        """A site's upcoming events, each once at its next date, soonest first: occurrences
        with `.event` (the EventPage in `locale` when it exists there, else English), `.start`,
        `.end`, `.all_day` and `.cancelled`. `filters` as for occurrences_under: start, end,
        age_stage and borough (slugs), audience ("family" or "youth"), free and virtual (when
        True or False)."""
        queryset = cls.occurrences_under(english_page(site.root_page), **filters)
        queryset = queryset.next_of_each_event()
        if limit:
            queryset = queryset[:limit]
        return cls.in_language(queryset, locale)


def _dates_by_page(relation):
    """{event page id: its rows of `relation`, in order}, for every event page."""
    model = EventPage._meta.get_field(relation).related_model
    by_page = {}
    for date in model.objects.order_by("page_id", "sort_order", "pk"):
        by_page.setdefault(date.page_id, []).append(date)
    return by_page


class SkippedDate(Orderable):
    """A date of a series when the event does not happen (EXDATE)."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="skipped_dates")
    date = models.DateField(_("date"))

    panels = [FieldPanel("date")]

    class Meta(Orderable.Meta):
        verbose_name = _("date it does not happen")


class ExtraDate(Orderable):
    """One more start outside the repeating pattern (RDATE)."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="extra_dates")
    starts_at = models.DateTimeField(_("starts"))

    panels = [FieldPanel("starts_at")]

    class Meta(Orderable.Meta):
        verbose_name = _("extra date")


class OccurrenceChangeRecord(Orderable):
    """One date of a series that is cancelled or moved (an iCalendar RECURRENCE-ID override)."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="occurrence_changes")
    original_date = models.DateField(_("date in the series"))
    cancelled = models.BooleanField(_("cancelled"), default=False)
    starts_at = models.DateTimeField(
        _("new start"), null=True, blank=True, help_text=_("Empty if the time stays the same.")
    )
    ends_at = models.DateTimeField(_("new end"), null=True, blank=True)
    note = models.CharField(
        _("note"), max_length=200, blank=True, help_text=_("For example: moved to the gym.")
    )

    panels = [
        FieldPanel("original_date"),
        FieldPanel("cancelled"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("change to one date")

    def as_change(self):
        return OccurrenceChange(
            original_date=self.original_date,
            cancelled=self.cancelled,
            starts_at=self.starts_at,
            ends_at=self.ends_at,
            note=self.note,
        )
