"""Age stages in the one field of cms.core.age_stages, carried over from their comma-separated text."""

import cms.core.age_stages
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0004_import_run_problems'),
    ]

    operations = [
        migrations.AlterField(
            model_name='eventpage',
            name='age_stage_slugs',
            field=cms.core.age_stages.AgeStagesField(blank=True, default='', max_length=255, verbose_name='ages'),
        ),
        # Plain SQL, the same on SQLite and PostgreSQL: a RunPython step would make Django
        # render every model's migration state, doubling the time a test database takes.
        migrations.RunSQL(
            "UPDATE events_eventpage SET age_stage_slugs = ',' || age_stage_slugs || ',' WHERE age_stage_slugs <> ''",
            "UPDATE events_eventpage SET age_stage_slugs = SUBSTR(age_stage_slugs, 2, LENGTH(age_stage_slugs) - 2) WHERE age_stage_slugs <> ''",
        ),
    ]
