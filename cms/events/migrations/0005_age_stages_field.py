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
        cms.core.age_stages.storage_migration(
            'events', 'eventpage', 'age_stage_slugs', lambda slugs: ",".join(slugs)
        ),
    ]
