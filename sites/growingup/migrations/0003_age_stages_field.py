"""Age stages in the one field of cms.core.age_stages, carried over from their JSON list."""

import json

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
        cms.core.age_stages.storage_migration(
            'growingup', 'activitypage', 'age_stage_slugs', json.dumps
        ),
    ]
