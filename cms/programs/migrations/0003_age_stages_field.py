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
        cms.core.age_stages.storage_migration(
            'programs', 'program', 'age_stages', " ".join
        ),
    ]
