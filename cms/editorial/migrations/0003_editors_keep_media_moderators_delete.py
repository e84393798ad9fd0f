"""Installations set up before these rules: site editors lose any delete permission on images
and documents (moderators keep theirs), and programs managers may send programs for
translation. A new database has no groups yet; `setup_editorial` makes them right."""

from django.db import migrations

EDITORS = ["Growing Up NYC editors", "Generation NYC editors"]
PROGRAMS_MANAGERS = "Programs managers"
MEDIA_DELETE = [("wagtailimages", "delete_image"), ("wagtaildocs", "delete_document")]


def correct_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    for app_label, codename in MEDIA_DELETE:
        deleting = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
        GroupCollectionPermission.objects.filter(
            group__name__in=EDITORS, permission__in=deleting
        ).delete()
        for group in Group.objects.filter(name__in=EDITORS):
            group.permissions.remove(*deleting)
    submit = Permission.objects.filter(
        content_type__app_label="wagtail_localize", codename="submit_translation"
    ).first()
    managers = Group.objects.filter(name=PROGRAMS_MANAGERS).first()
    if submit is not None and managers is not None:
        managers.permissions.add(submit)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0002_external_link_programs"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(correct_groups, migrations.RunPython.noop)]
