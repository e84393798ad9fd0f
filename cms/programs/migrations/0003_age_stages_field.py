"""Age stages in the one field of cms.core.age_stages, carried over from their space-separated text."""

import cms.core.age_stages
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('programs', '0002_run_on_record_and_no_empty_slug'),
    ]

    operations = [
        migrations.AlterField(
            model_name='program',
            name='age_stages',
            field=cms.core.age_stages.AgeStagesField(blank=True, default='', max_length=255),
        ),
        # Plain SQL, the same on SQLite and PostgreSQL: a RunPython step would make Django
        # render every model's migration state, doubling the time a test database takes.
        migrations.RunSQL(
            "UPDATE programs_program SET age_stages = ',' || REPLACE(TRIM(age_stages), ' ', ',') || ',' WHERE TRIM(age_stages) <> ''",
            "UPDATE programs_program SET age_stages = TRIM(REPLACE(age_stages, ',', ' ')) WHERE age_stages <> ''",
        ),
    ]
