"""Demo events for both sites: an event listing under each home and sample events in all five
boroughs (weekly and monthly series, a skipped date, a cancelled and a moved date, all-day and
multi-day events, online events), plus a partner library's calendar imported from a file.
Dates count from the day the demo is loaded. The events are samples; the places are real."""

from datetime import datetime, time, timedelta
from pathlib import Path

from django.utils import timezone

from cms.core import demo
from cms.core.sites import find_site
from cms.events.client import read_file
from cms.events.importer import ImportTarget, import_calendar
from cms.events.models import EventIndexPage, EventPage, OccurrenceChangeRecord, SkippedDate
from cms.events.recurrence import NEW_YORK, WEEKDAY_CODES

PARTNER_FEED = Path(__file__).parent / "fixtures" / "partner-library.ics"
PARTNER_SOURCE = "file:partner-library.ics"

INDEXES = {
    "growingup": {
        "title": "Events",
        "summary": "Free and low-cost things to do with your family in New York City.",
        "intro": "<p>Story times, play groups, festivals and classes for families. Pick a day, a borough or your child's age. These are sample events for the demo.</p>",
        "translations": {
            "es": {
                "Events": "Eventos",
                "Free and low-cost things to do with your family in New York City.": "Actividades gratis o de bajo costo para hacer en familia en la ciudad de Nueva York.",
            },
            "ar": {
                "Events": "الفعاليات",
                "Free and low-cost things to do with your family in New York City.": "أنشطة مجانية أو منخفضة التكلفة للعائلات في مدينة نيويورك.",
            },
        },
    },
    "generation": {
        "title": "Events",
        "summary": "Free events for young people in New York City: jobs, money, sports and art.",
        "intro": "<p>Job fairs, workshops, sports and open mics for ages 13 to 24. These are sample events for the demo.</p>",
        "translations": {
            "es": {
                "Events": "Eventos",
                "Free events for young people in New York City: jobs, money, sports and art.": "Eventos gratis para jóvenes en la ciudad de Nueva York: empleo, dinero, deportes y arte.",
            },
            "ar": {
                "Events": "الفعاليات",
                "Free events for young people in New York City: jobs, money, sports and art.": "فعاليات مجانية للشباب في مدينة نيويورك: وظائف ومال ورياضة وفن.",
            },
        },
    },
}

BPL_CENTRAL = (
    "Brooklyn Public Library, Central Library",
    "10 Grand Army Plaza, Brooklyn, NY 11238",
)
BRONX_LIBRARY = ("Bronx Library Center", "310 East Kingsbridge Road, Bronx, NY 10458")
QUEENS_LIBRARY = ("Queens Public Library at Jamaica", "89-11 Merrick Boulevard, Jamaica, NY 11432")
ST_GEORGE = ("St. George Library Center", "5 Central Avenue, Staten Island, NY 10301")
NYPL_MAIN = ("Stephen A. Schwarzman Building", "476 Fifth Avenue, New York, NY 10018")

# Each event: site, slug, title, summary, when (days from today, start hour, minutes long),
# place (name, address) or None for online, borough, ages, free, and anything else.
EVENTS = [
    # Growing Up NYC: families
    (
        "growingup",
        "toddler-story-time",
        "Toddler story time",
        "Stories, songs and rhymes for children 1 to 3 and their grown-ups.",
        (1, 10, 45),
        BPL_CENTRAL,
        "brooklyn",
        "toddler",
        True,
        {
            "repeat": "weekly",
            "repeat_weekdays": ["TU", "TH"],
            "skip": [14],
            "cancel": [21],
            "accessibility": "fully",
        },
    ),
    (
        "growingup",
        "baby-lapsit",
        "Baby lapsit",
        "Bounce, sing and play with your baby. For babies up to 12 months.",
        (2, 11, 30),
        BRONX_LIBRARY,
        "bronx",
        "baby",
        True,
        {"repeat": "weekly", "accessibility": "fully"},
    ),
    (
        "growingup",
        "family-art-saturday",
        "Family art Saturday",
        "Make art together on the second Saturday of every month. All materials are free.",
        (3, 13, 120),
        ("Queens Museum", "New York City Building, Flushing Meadows Corona Park, Queens, NY 11368"),
        "queens",
        "preschooler,grade-schooler",
        True,
        {
            "repeat": "monthly",
            "repeat_monthly": "weekday",
            "weekday": "SA",
            "accessibility": "fully",
        },
    ),
    (
        "growingup",
        "library-card-day",
        "Get your child a library card",
        "Bring your child and sign up for a free library card. Cards are free for all ages.",
        (5, 15, 180),
        ST_GEORGE,
        "staten-island",
        "preschooler,grade-schooler,preteen",
        True,
        {"repeat": "monthly", "repeat_count": 6},
    ),
    (
        "growingup",
        "central-park-nature-walk",
        "Nature walk for families",
        "Look for birds, bugs and leaves with an Urban Park Ranger.",
        (4, 10, 90),
        (
            "Central Park, Dana Discovery Center",
            "110th Street and Fifth Avenue, New York, NY 10029",
        ),
        "manhattan",
        "grade-schooler,preteen",
        True,
        {"accessibility": "partially"},
    ),
    (
        "growingup",
        "free-museum-day",
        "Free day at the children's museum",
        "Free entry all day at the Brooklyn Children's Museum.",
        (9, 0, 0),
        ("Brooklyn Children's Museum", "145 Brooklyn Avenue, Brooklyn, NY 11213"),
        "brooklyn",
        "baby,toddler,preschooler,grade-schooler",
        True,
        {"all_day": True, "accessibility": "fully"},
    ),
    (
        "growingup",
        "winter-family-festival",
        "Winter family festival",
        "Two days of music, crafts and warm drinks. Free for everyone.",
        (12, 0, 0),
        ("Snug Harbor Cultural Center", "1000 Richmond Terrace, Staten Island, NY 10301"),
        "staten-island",
        "toddler,preschooler,grade-schooler",
        True,
        {"all_day": True, "days": 2},
    ),
    (
        "growingup",
        "prenatal-class",
        "Getting ready for baby",
        "A free class for expecting parents: what to pack, feeding, and sleep.",
        (6, 18, 90),
        QUEENS_LIBRARY,
        "queens",
        "expecting",
        True,
        {"repeat": "weekly", "repeat_count": 4, "accessibility": "fully"},
    ),
    (
        "growingup",
        "baby-sleep-webinar",
        "Baby sleep: an online talk",
        "A nurse answers your questions about safe sleep for babies.",
        (8, 19, 60),
        None,
        "",
        "expecting,baby",
        True,
        {"online_url": "https://www1.nyc.gov/site/doh/health/health-topics/safe-sleep.page"},
    ),
    (
        "growingup",
        "toddler-gym",
        "Toddler gym",
        "Climb, crawl and play in a safe space. Wear socks with grips.",
        (2, 9, 60),
        ("Brownsville Recreation Center", "1555 Linden Boulevard, Brooklyn, NY 11212"),
        "brooklyn",
        "toddler",
        False,
        {
            "repeat": "weekly",
            "repeat_weekdays": ["MO", "WE"],
            "cost": "$5 a visit, or free with a Rec Center membership",
            "move": [7],
        },
    ),
    (
        "growingup",
        "bronx-zoo-free-wednesday",
        "Pay-what-you-wish Wednesday at the zoo",
        "Pay what you wish to visit the Bronx Zoo on Wednesdays.",
        (1, 10, 420),
        ("Bronx Zoo", "2300 Southern Boulevard, Bronx, NY 10460"),
        "bronx",
        "toddler,preschooler,grade-schooler,preteen",
        True,
        {"repeat": "weekly", "weekday": "WE", "cost": "Pay what you wish"},
    ),
    (
        "growingup",
        "kindergarten-info-session",
        "Kindergarten info session",
        "Learn how to apply to kindergarten in NYC public schools.",
        (10, 17, 60),
        NYPL_MAIN,
        "manhattan",
        "preschooler",
        True,
        {},
    ),
    (
        "growingup",
        "reading-buddies",
        "Reading buddies",
        "Teens read with younger children. Children practice reading out loud.",
        (3, 16, 60),
        ST_GEORGE,
        "staten-island",
        "grade-schooler",
        True,
        {"repeat": "weekly", "repeat_count": 8},
    ),
    (
        "growingup",
        "family-swim",
        "Family swim",
        "Swim together at an indoor city pool. Children must be with an adult.",
        (4, 10, 90),
        ("Roy Wilkins Recreation Center", "177-01 Baisley Boulevard, Jamaica, NY 11434"),
        "queens",
        "toddler,preschooler,grade-schooler",
        True,
        {"repeat": "weekly", "weekday": "SA", "skip": [7]},
    ),
    (
        "growingup",
        "preteen-coding-club",
        "Coding club for preteens",
        "Make a simple game with code. Laptops are provided.",
        (5, 16, 90),
        BRONX_LIBRARY,
        "bronx",
        "preteen",
        True,
        {"repeat": "weekly", "repeat_until_days": 60},
    ),
    (
        "growingup",
        "harlem-health-fair",
        "Family health fair",
        "Free check-ups, vaccines and healthy cooking tips.",
        (15, 10, 300),
        ("Harlem Hospital", "506 Lenox Avenue, New York, NY 10037"),
        "manhattan",
        "baby,toddler,preschooler,grade-schooler,preteen,teen",
        True,
        {"accessibility": "fully"},
    ),
    (
        "growingup",
        "parenting-teens-online",
        "Talking with your teen: online workshop",
        "Tips for hard talks about phones, friends and stress.",
        (7, 19, 60),
        None,
        "",
        "preteen,teen",
        True,
        {
            "online_url": "https://www.nyc.gov/site/dycd/index.page",
            "repeat": "monthly",
            "repeat_monthly": "last-weekday",
        },
    ),
    (
        "growingup",
        "music-together-brooklyn",
        "Music for little ones",
        "Sing, dance and play simple instruments.",
        (6, 10, 45),
        ("Prospect Park Picnic House", "Prospect Park West and 5th Street, Brooklyn, NY 11215"),
        "brooklyn",
        "baby,toddler",
        False,
        {"cost": "$10 per family"},
    ),
    # Generation NYC: young people
    (
        "generation",
        "summer-jobs-info",
        "Summer jobs: how to apply",
        "Learn how to apply for the Summer Youth Employment Program (SYEP).",
        (3, 16, 60),
        BRONX_LIBRARY,
        "bronx",
        "teen,young-adult",
        True,
        {"audience": "youth", "accessibility": "fully"},
    ),
    (
        "generation",
        "teen-basketball-league",
        "Friday night basketball",
        "Free pick-up games for ages 14 to 18. Sneakers required.",
        (4, 19, 120),
        ("Hansborough Recreation Center", "35 West 134th Street, New York, NY 10037"),
        "manhattan",
        "teen",
        True,
        {"audience": "youth", "repeat": "weekly", "weekday": "FR", "cancel": [14]},
    ),
    (
        "generation",
        "youth-open-mic",
        "Youth open mic",
        "Share poetry, music or comedy. Or just come and listen.",
        (10, 18, 120),
        ("Brooklyn Public Library, Central Library", "10 Grand Army Plaza, Brooklyn, NY 11238"),
        "brooklyn",
        "teen,young-adult",
        True,
        {"audience": "youth", "repeat": "monthly", "repeat_monthly": "last-weekday"},
    ),
    (
        "generation",
        "fafsa-help-online",
        "Help with college money forms",
        "Get help filling out the FAFSA and TAP forms, online.",
        (5, 18, 90),
        None,
        "",
        "teen,young-adult",
        True,
        {
            "audience": "youth",
            "online_url": "https://studentaid.gov/h/apply-for-aid/fafsa",
            "repeat": "weekly",
            "repeat_count": 6,
        },
    ),
    (
        "generation",
        "youth-job-fair",
        "Youth job fair",
        "Meet employers who hire young people. Bring copies of your resume.",
        (20, 10, 360),
        ("Queens Public Library at Jamaica", "89-11 Merrick Boulevard, Jamaica, NY 11432"),
        "queens",
        "young-adult",
        True,
        {"audience": "youth", "days": 2},
    ),
    (
        "generation",
        "resume-workshop",
        "Write your first resume",
        "Make a resume in one hour, with help from a career coach.",
        (6, 17, 60),
        ST_GEORGE,
        "staten-island",
        "teen,young-adult",
        True,
        {"audience": "youth", "repeat": "weekly", "repeat_until_days": 45},
    ),
    (
        "generation",
        "teen-art-studio",
        "Teen art studio",
        "Drawing, painting and zines. Materials are free.",
        (2, 16, 90),
        ("Bronx River Art Center", "305 East 140th Street, Bronx, NY 10454"),
        "bronx",
        "teen",
        True,
        {"audience": "youth", "repeat": "weekly", "repeat_weekdays": ["TU", "TH"], "skip": [7]},
    ),
    (
        "generation",
        "money-basics",
        "Money basics: open a bank account",
        "Learn how to open a bank account and avoid fees.",
        (8, 18, 60),
        NYPL_MAIN,
        "manhattan",
        "teen,young-adult",
        True,
        {"audience": "youth"},
    ),
    (
        "generation",
        "queens-soccer-clinic",
        "Soccer clinic",
        "Free soccer skills clinic. All levels welcome.",
        (3, 15, 120),
        ("Flushing Meadows Corona Park, field 5", "Flushing Meadows Corona Park, Queens, NY 11368"),
        "queens",
        "teen",
        True,
        {"audience": "youth", "repeat": "weekly", "weekday": "SA", "move": [7]},
    ),
    (
        "generation",
        "staten-island-volunteer-day",
        "Beach clean-up volunteer day",
        "Help clean the beach and earn community service hours.",
        (12, 9, 180),
        ("South Beach", "Father Capodanno Boulevard, Staten Island, NY 10305"),
        "staten-island",
        "teen,young-adult",
        True,
        {"audience": "youth", "accessibility": "partially"},
    ),
    (
        "generation",
        "coding-bootcamp-info",
        "Free coding training: info night",
        "Learn about free tech training programs for ages 18 to 24.",
        (9, 18, 60),
        ("Brooklyn Navy Yard, Building 77", "141 Flushing Avenue, Brooklyn, NY 11205"),
        "brooklyn",
        "young-adult",
        True,
        {"audience": "youth"},
    ),
    (
        "generation",
        "mental-health-talk",
        "Stress and you: a talk for teens",
        "Talk about stress and where to get help. Counselors will be there.",
        (11, 17, 60),
        None,
        "",
        "teen",
        True,
        {"audience": "youth", "online_url": "https://nycwell.cityofnewyork.us/"},
    ),
    (
        "generation",
        "youth-film-festival",
        "Youth film festival",
        "Short films made by NYC teens. Free popcorn.",
        (25, 0, 0),
        ("Museum of the Moving Image", "36-01 35th Avenue, Astoria, NY 11106"),
        "queens",
        "teen,young-adult",
        True,
        {"audience": "youth", "all_day": True, "days": 3},
    ),
    (
        "generation",
        "bronx-college-fair",
        "College fair",
        "Meet CUNY and SUNY colleges. Ask about free tuition programs.",
        (14, 11, 240),
        ("Lehman College", "250 Bedford Park Boulevard West, Bronx, NY 10468"),
        "bronx",
        "teen",
        True,
        {"audience": "youth", "accessibility": "fully"},
    ),
]

EVENT_TRANSLATIONS = {
    "toddler-story-time": {
        "es": {
            "Toddler story time": "Hora del cuento para niños pequeños",
            "Stories, songs and rhymes for children 1 to 3 and their grown-ups.": "Cuentos, canciones y rimas para niños de 1 a 3 años y sus adultos.",
        },
        "ar": {
            "Toddler story time": "وقت القصص للأطفال الصغار",
            "Stories, songs and rhymes for children 1 to 3 and their grown-ups.": "قصص وأغانٍ وأناشيد للأطفال من سنة إلى 3 سنوات ومرافقيهم.",
        },
    },
    "summer-jobs-info": {
        "es": {
            "Summer jobs: how to apply": "Empleos de verano: cómo solicitar",
            "Learn how to apply for the Summer Youth Employment Program (SYEP).": "Aprenda a solicitar el Programa de Empleo Juvenil de Verano (SYEP).",
        },
        "ar": {
            "Summer jobs: how to apply": "وظائف الصيف: كيف تقدّم",
            "Learn how to apply for the Summer Youth Employment Program (SYEP).": "تعرّف على طريقة التقديم لبرنامج توظيف الشباب الصيفي (SYEP).",
        },
    },
}


def _first_date(offset, weekday=None):
    day = timezone.localtime(timezone.now(), NEW_YORK).date() + timedelta(days=offset)
    if weekday:
        while WEEKDAY_CODES[day.weekday()] != weekday:
            day += timedelta(days=1)
    return day


def event_fields(row):
    """EventPage keyword arguments for one row of EVENTS."""
    _site, slug, title, summary, (offset, hour, minutes), place, borough, ages, free, extra = row
    weekdays = extra.get("repeat_weekdays", [])
    day = _first_date(offset, extra.get("weekday") or (weekdays[0] if weekdays else None))
    starts_at = datetime.combine(day, time(hour)).replace(tzinfo=NEW_YORK)
    fields = {
        "title": title,
        "summary": summary,
        "description": f"<p>{summary}</p>",
        "starts_at": starts_at,
        "ends_at": starts_at + timedelta(minutes=minutes) if minutes else None,
        "borough": borough,
        "age_stage_slugs": ages,
        "is_free": free,
        "cost": extra.get("cost", "Free" if free else ""),
        "audience": extra.get("audience", "family"),
        "accessibility": extra.get("accessibility", "unknown"),
        "organizer": place[0] if place else "NYC sample organizer",
    }
    if place:
        fields["venue_name"], fields["address"] = place
    if extra.get("online_url"):
        fields.update(is_virtual=True, online_url=extra["online_url"])
    if extra.get("all_day"):
        last = day + timedelta(days=extra.get("days", 1) - 1)
        fields.update(all_day=True, ends_at=datetime.combine(last, time()).replace(tzinfo=NEW_YORK))
    elif extra.get("days"):
        fields["ends_at"] = starts_at + timedelta(days=extra["days"] - 1, minutes=minutes)
    if extra.get("repeat"):
        fields["repeat"] = extra["repeat"]
        fields["repeat_weekdays"] = ",".join(
            weekdays or ([extra["weekday"]] if "weekday" in extra else [])
        )
        fields["repeat_monthly"] = extra.get("repeat_monthly", "date")
        fields["repeat_count"] = extra.get("repeat_count")
        if "repeat_until_days" in extra:
            fields["repeat_until"] = day + timedelta(days=extra["repeat_until_days"])
    fields["skipped_dates"] = [
        SkippedDate(date=day + timedelta(days=n)) for n in extra.get("skip", [])
    ]
    changes = [
        OccurrenceChangeRecord(
            original_date=day + timedelta(days=n), cancelled=True, note="Cancelled for a holiday"
        )
        for n in extra.get("cancel", [])
    ]
    changes += [
        OccurrenceChangeRecord(
            original_date=day + timedelta(days=n),
            starts_at=starts_at + timedelta(days=n, hours=2),
            note="Starts two hours later this time",
        )
        for n in extra.get("move", [])
    ]
    fields["occurrence_changes"] = changes
    return slug, fields


def load(report):
    indexes = {}
    for site_key, content in INDEXES.items():
        site = find_site(site_key)
        if site is None:
            continue
        index, created = demo.ensure_child_page(
            site.root_page.specific,
            EventIndexPage,
            slug="events",
            title=content["title"],
            summary=content["summary"],
            intro=content["intro"],
            show_in_menus=True,
        )
        if created:
            report(f"Events: listing created on {site.site_name}")
        for code, strings in content["translations"].items():
            demo.ensure_translation(index, code, strings)
        indexes[site_key] = index
    created = 0
    for row in EVENTS:
        index = indexes.get(row[0])
        if index is None:
            continue
        slug, fields = event_fields(row)
        event, was_created = demo.ensure_child_page(index, EventPage, slug=slug, **fields)
        created += was_created
        for code, strings in EVENT_TRANSLATIONS.get(slug, {}).items():
            demo.ensure_translation(event, code, strings)
    if created:
        report(f"Events: {created} sample events created")
    if (
        "growingup" in indexes
        and not EventPage.objects.filter(import_source=PARTNER_SOURCE).exists()
    ):
        run = import_calendar(
            read_file(PARTNER_FEED),
            ImportTarget(
                index=indexes["growingup"],
                source=PARTNER_SOURCE,
                default_borough="manhattan",
                organizer="Sample Neighborhood Library",
            ),
        )
        report(f"Events: partner library calendar imported ({run.summary})")
