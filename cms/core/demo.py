"""Building blocks for `manage.py load_demo`. Every function is idempotent: it creates what is
missing and leaves what exists alone, so a second run changes nothing and editors' changes to
demo pages survive."""

import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import LocaleSynchronization
from wagtail_localize.synctree import synchronize_tree

from cms.core.demo_age_stages import AGE_STAGES
from cms.core.demo_age_stages import TRANSLATIONS as AGE_STAGE_TRANSLATIONS
from cms.core.models import AgeStage, StandardPage
from cms.core.sites import site_named
from cms.core.translation import is_translated, translate

WAGTAIL_PLACEHOLDER_TITLE = "Welcome to your new Wagtail site!"


def ensure_locales():
    """One Locale per configured language; every other language mirrors English until a page
    is translated (wagtail-localize creates untranslated aliases)."""
    default, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    created = []
    for code, _name in settings.LANGUAGES:
        locale, was_created = Locale.objects.get_or_create(language_code=code)
        if was_created:
            created.append(code)
        if locale != default:
            LocaleSynchronization.objects.get_or_create(
                locale=locale, defaults={"sync_from": default}
            )
    return created


def remove_wagtail_placeholder():
    """Wagtail's first migration makes a 'Welcome' page and a catch-all localhost site. The
    catch-all site would answer for unknown hosts, so it goes, with its untouched page."""
    Site.objects.filter(hostname="localhost", port=80, is_default_site=True).delete()
    for page in Page.objects.filter(depth=2, title=WAGTAIL_PLACEHOLDER_TITLE, numchild=0):
        if page.specific_class is Page and not Site.objects.filter(root_page=page).exists():
            page.delete()


def ensure_home_page(model, *, slug, **fields):
    home = model.objects.filter(locale__language_code=settings.LANGUAGE_CODE, depth=2).first()
    if home is not None:
        return home, False
    home = model(slug=slug, locale=Locale.get_default(), **fields)
    Page.get_first_root_node().add_child(instance=home)
    home.save_revision().publish()
    return home, True


def ensure_child_page(parent, model, *, slug, **fields):
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific, False
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def ensure_site(site_key, root_page, site_name):
    """The site's Wagtail Site on its hostname and SITE_PORT. A Site made earlier on another
    port moves to this one: its port is in every absolute address pages, feeds and sitemaps
    give, so they must name the port the sites are served on."""
    hostname = site_named(site_key).hostname
    site = Site.objects.filter(hostname=hostname).order_by("pk").first()
    if site is None:
        site = Site.objects.create(
            hostname=hostname,
            port=settings.SITE_PORT,
            root_page=root_page,
            site_name=site_name,
            is_default_site=False,
        )
        return site, True
    if site.port != settings.SITE_PORT:
        site.port = settings.SITE_PORT
        site.save(update_fields=["port"])
    return site, False


def ensure_site_home(site_key, site_name, model, report, *, home, about):
    """A site's home page in English, its Site and its About page."""
    page, created = ensure_home_page(model, slug=site_key, **home)
    if created:
        report(f"{site_name}: home page created")
    site, created = ensure_site(site_key, page, site_name)
    if created:
        report(f"{site_name}: site {site.hostname}:{site.port} created")
    ensure_child_page(page, StandardPage, slug="about", **about)
    return page


def ensure_translation(instance, language_code, strings):
    locale = Locale.objects.get(language_code=language_code)
    if is_translated(instance, locale):
        return False
    translate(instance, locale, strings)
    return True


def ensure_age_stages():
    """The eight age stages in English, translated into Spanish and Arabic."""
    default = Locale.get_default()
    created = 0
    for order, (slug, name, label, months_from, months_to, colour, icon) in enumerate(AGE_STAGES):
        stage, was_created = AgeStage.objects.get_or_create(
            slug=slug,
            locale=default,
            defaults={
                "name": name,
                "age_label": label,
                "sort_order": order,
                "months_from": months_from,
                "months_to": months_to,
                "colour": colour,
                "icon": icon,
            },
        )
        created += was_created
        for code, strings in AGE_STAGE_TRANSLATIONS.items():
            ensure_translation(stage, code, strings)
    return created


def sync_locale_trees():
    """Give every language an untranslated alias of each English page that has no translation
    yet, so /es/... never 404s where /... exists."""
    default = Locale.get_default()
    for locale in Locale.objects.exclude(pk=default.pk):
        synchronize_tree(default, locale)


def ensure_admin():
    """The demo's admin account: from DEMO_ADMIN_USERNAME/DEMO_ADMIN_PASSWORD, else a generated
    password kept in var/demo-admin.txt (never in the repository). Returns (username, password
    or None when unknown, created)."""
    user_model = get_user_model()
    username = os.environ.get("DEMO_ADMIN_USERNAME", "admin")
    password = os.environ.get("DEMO_ADMIN_PASSWORD", "")
    saved = settings.VAR_DIR / "demo-admin.txt"
    if user_model.objects.filter(username=username).exists():
        if not password and saved.exists():
            saved_user, _, saved_password = saved.read_text().strip().partition(":")
            password = saved_password if saved_user == username else ""
        return username, password or None, False
    if not password:
        password = secrets.token_urlsafe(12)
        saved.parent.mkdir(parents=True, exist_ok=True)
        saved.write_text(f"{username}:{password}\n")
        saved.chmod(0o600)
    user_model.objects.create_superuser(username, f"{username}@example.org", password)
    return username, password, True
