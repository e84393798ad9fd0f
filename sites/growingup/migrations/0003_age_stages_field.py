"""Age stages in the one field of cms.core.age_stages, carried over from their JSON list."""

import cms.core.age_stages
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('growingup', '0002_age_guides_tips_activities'),
    ]

    operations = [
        migrations.AlterField(
            model_name='activitypage',
            name='age_stage_slugs',
            field=cms.core.age_stages.AgeStagesField(blank=True, default='', max_length=255, verbose_name='age stages'),
        ),
        # Plain SQL, the same on SQLite and PostgreSQL: a RunPython step would make Django
        # render every model's migration state, doubling the time a test database takes.
        migrations.RunSQL(
            'UPDATE growingup_activitypage SET age_stage_slugs = CASE WHEN age_stage_slugs IN (\'\', \'[]\') THEN \'\' ELSE \',\' || REPLACE(REPLACE(REPLACE(REPLACE(age_stage_slugs, \'[\', \'\'), \']\', \'\'), \'"\', \'\'), \' \', \'\') || \',\' END',
            'UPDATE growingup_activitypage SET age_stage_slugs = CASE WHEN age_stage_slugs = \'\' THEN \'[]\' ELSE \'["\' || REPLACE(SUBSTR(age_stage_slugs, 2, LENGTH(age_stage_slugs) - 2), \',\', \'", "\') || \'"]\' END',
        ),
    ]
