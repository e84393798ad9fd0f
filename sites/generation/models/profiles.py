"""Youth profiles ("inspirations"): short stories of young New Yorkers in their own words.

Safety rules, enforced here and not only in templates:
- a profile cannot be live until an editor confirms the person's consent, and a parent's or
  guardian's consent for anyone under 18;
- a minor's surname is never shown: the page title (and so the slug, search and feeds) is
  built from the first name alone, and the surname may not appear in any public field.
"""

import json
import re
from dataclasses import replace

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.core.listings import FilteredListingMixin, ListingFilter
from cms.core.models import BOROUGHS, BasePage
from sites.generation.blocks import ProfileStreamBlock

ADULT_AGE = 18


def consent_errors(age, consent_confirmed, guardian_consent_confirmed):
    """What is missing before a profile of someone `age` years old may be published."""
    errors = {}
    if not consent_confirmed:
        errors["consent_confirmed"] = _("Confirm that this person agreed to share their story.")
    if age is not None and age < ADULT_AGE and not guardian_consent_confirmed:
        errors["guardian_consent_confirmed"] = _(
            "This person is under 18: confirm that a parent or guardian agreed too."
        )
    return errors


class YouthProfilePageForm(WagtailAdminPageForm):
    """Refuses to publish a profile whose consent is not confirmed."""

    def clean(self):
        cleaned_data = super().clean()
        if self.data.get("action-publish"):
            errors = consent_errors(
                cleaned_data.get("age"),
                cleaned_data.get("consent_confirmed"),
                cleaned_data.get("guardian_consent_confirmed"),
            )
            for field, message in errors.items():
                self.add_error(field, message)
        return cleaned_data


class YouthProfileIndexPage(FilteredListingMixin, BasePage):
    """The list of youth profiles (slug "inspirations"), filterable by topic and borough."""

    intro = models.TextField(blank=True, max_length=400)

    parent_page_types = ["generation.GenerationHomePage"]
    subpage_types = ["generation.YouthProfilePage"]
    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    template = "generation/youth_profile_index_page.html"
    # The address is profiles.json (see cms/urls.py); other clients read it too.
    items_file = "profiles.json"
    item_template = "generation/includes/profile_item.html"

    class Meta:
        verbose_name = "youth profile list"

    def profiles(self):
        return (
            YouthProfilePage.objects.child_of(self)
            .live()
            .public()
            .select_related("photo")
            .prefetch_related("topic_links__topic")
            .order_by("path")
        )

    def topics(self):
        from sites.generation.models.topics import TopicPage

        return (
            TopicPage.objects.live()
            .public()
            .descendant_of(self.get_parent())
            .filter(locale=self.locale)
            .order_by("path")
        )

    def listing_filters(self):
        return [
            ListingFilter(
                "topic",
                _("Topic"),
                [(topic.slug, topic.title) for topic in self.topics()],
                any_label=_("All topics"),
            ),
            ListingFilter("borough", _("Borough"), BOROUGHS, any_label=_("All boroughs")),
        ]

    def listing_items(self):
        topic_slugs = {topic.translation_key: topic.slug for topic in self.topics()}
        profiles = list(self.profiles())
        for profile in profiles:
            profile.topic_slugs = [
                topic_slugs[key] for key in profile.topic_keys() if key in topic_slugs
            ]
        return profiles

    def item_facets(self, profile):
        return {
            "topic": profile.topic_slugs,
            "borough": [profile.borough] if profile.borough else [],
        }

    def item_json(self, profile, request):
        """For other clients than listing.js. Never holds a surname for a minor: it carries the
        display name only."""
        return {
            "name": profile.display_name,
            "url": profile.get_url(request),
            "age": profile.age,
            "borough": profile.borough,
            "topics": profile.topic_slugs,
            "intro": profile.intro,
        }


class YouthProfilePage(BasePage):
    first_name = models.CharField(max_length=60)
    surname = models.CharField(
        max_length=60,
        blank=True,
        help_text="Optional. Never shown for anyone under 18.",
    )
    age = models.PositiveSmallIntegerField(help_text="Age when the story was told.")
    borough = models.CharField(max_length=20, choices=BOROUGHS, blank=True)
    neighbourhood = models.CharField(max_length=80, blank=True, help_text="For example: Jamaica.")
    country_of_origin = models.CharField(max_length=80, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    photo_alt_text = models.CharField(
        max_length=200, blank=True, help_text="Describe the photo for people who cannot see it."
    )
    intro = models.TextField(max_length=600)
    pull_quote = models.TextField(max_length=300, blank=True)
    body = StreamField(ProfileStreamBlock(), blank=True)
    is_sample = models.BooleanField(
        default=False,
        verbose_name="sample profile",
        help_text="A made-up person for the demo. The page says so.",
    )
    consent_confirmed = models.BooleanField(
        default=False,
        verbose_name="consent confirmed",
        help_text="This person agreed, in writing, to share their story, name and photo.",
    )
    guardian_consent_confirmed = models.BooleanField(
        default=False,
        verbose_name="parent or guardian consent confirmed",
        help_text="Needed for anyone under 18.",
    )

    base_form_class = YouthProfilePageForm
    parent_page_types = ["generation.YouthProfileIndexPage"]
    subpage_types = []
    template = "generation/youth_profile_page.html"
    # The surname is not indexed; the title holds the display name only.
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("pull_quote"),
        index.SearchField("body"),
        index.FilterField("borough"),
    ]
    content_panels = [
        FieldRowPanel([FieldPanel("first_name"), FieldPanel("surname"), FieldPanel("age")]),
        FieldRowPanel([FieldPanel("borough"), FieldPanel("neighbourhood")]),
        FieldPanel("country_of_origin"),
        MultiFieldPanel([FieldPanel("photo"), FieldPanel("photo_alt_text")], heading="Photo"),
        FieldPanel("intro"),
        FieldPanel("pull_quote"),
        FieldPanel("body"),
        InlinePanel("topic_links", label="Topic"),
        InlinePanel("profile_links", label="Related profile"),
        MultiFieldPanel(
            [
                FieldPanel("consent_confirmed"),
                FieldPanel("guardian_consent_confirmed"),
                FieldPanel("is_sample"),
            ],
            heading="Consent",
        ),
    ]
    override_translatable_fields = [
        SynchronizedField("surname"),
        SynchronizedField("first_name"),
        SynchronizedField("country_of_origin"),
    ]

    class Meta:
        verbose_name = "youth profile"

    def search_card(self):
        return replace(super().search_card(), borough=self.borough)

    @property
    def is_minor(self):
        return self.age is not None and self.age < ADULT_AGE

    @property
    def display_name(self):
        """First name only for a minor; first name and surname for an adult."""
        if self.surname and not self.is_minor:
            return f"{self.first_name} {self.surname}"
        return self.first_name

    def topic_keys(self):
        return [link.topic.translation_key for link in self.topic_links.all()]

    def topics(self):
        topics = [link.topic.localized for link in self.topic_links.select_related("topic")]
        return [topic for topic in topics if topic.live]

    def related_profiles(self):
        profiles = [link.profile.localized for link in self.profile_links.select_related("profile")]
        return [profile for profile in profiles if profile.live]

    def full_clean(self, *args, **kwargs):
        self.title = self.display_name
        super().full_clean(*args, **kwargs)

    def clean(self):
        super().clean()
        errors = {}
        if self.live and self.pk:
            errors.update(
                consent_errors(self.age, self.consent_confirmed, self.guardian_consent_confirmed)
            )
        if self.photo_id and not self.photo_alt_text:
            errors["photo_alt_text"] = _("Describe the photo for people who cannot see it.")
        if self.is_minor and self.surname and self._shows_surname():
            errors["surname"] = _(
                "This person is under 18: take their surname out of the address, summary, "
                "introduction, quote, story and photo description."
            )
        if errors:
            raise ValidationError(errors)

    def _shows_surname(self):
        public = [
            self.slug,
            self.seo_title,
            self.search_description,
            self.summary,
            self.intro,
            self.pull_quote,
            self.photo_alt_text,
            json.dumps(list(self.body.raw_data), ensure_ascii=False),
        ]
        surname = re.compile(rf"\b{re.escape(self.surname)}\b", re.IGNORECASE)
        return any(surname.search(text or "") for text in public)

    def save(self, *args, **kwargs):
        self.title = self.display_name
        if self.live and consent_errors(
            self.age, self.consent_confirmed, self.guardian_consent_confirmed
        ):
            # Last line of defence for code paths that skip validation (scripts, workflows).
            raise ValidationError(_("A profile cannot be published without consent."))
        super().save(*args, **kwargs)


class ProfileTopic(Orderable):
    page = ParentalKey(YouthProfilePage, on_delete=models.CASCADE, related_name="topic_links")
    topic = models.ForeignKey("generation.TopicPage", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("topic")]


class ProfileLink(Orderable):
    page = ParentalKey(YouthProfilePage, on_delete=models.CASCADE, related_name="profile_links")
    profile = models.ForeignKey(YouthProfilePage, on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("profile")]
