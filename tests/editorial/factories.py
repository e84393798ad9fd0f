import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale

from cms.core.models import AgeStage


class UserFactory(factory.django.DjangoModelFactory):
    """A sample admin user; `groups=["Growing Up NYC editors"]` puts them in groups by name."""

    username = factory.Sequence(lambda n: f"sample-user-{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("sample-password")

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    @factory.post_generation
    def groups(self, create, names, **kwargs):
        if create and names:
            self.groups.add(*Group.objects.filter(name__in=names))


class AgeStageFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Stage {n}")
    slug = factory.Sequence(lambda n: f"stage-{n}")
    age_label = "1 to 3 years"
    months_from = 12
    months_to = 36
    icon = "toddler"
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = AgeStage


def growingup_snippets(growingup_site):
    """One English record of each kind of snippet that wagtail-localize translates, as the
    Growing Up NYC team would have them: {(app label, model name): record}."""
    from tests.core.factories import AlertBannerFactory
    from tests.growingup.factories import BrainBuildingTipFactory
    from tests.programs.factories import ProgramFactory

    records = [
        ProgramFactory(),
        BrainBuildingTipFactory(),
        AlertBannerFactory(site=growingup_site),
        AgeStageFactory(),
    ]
    return {(record._meta.app_label, record._meta.model_name): record for record in records}
