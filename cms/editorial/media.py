"""Who may delete images and documents. Wagtail's own rule lets whoever may change one (or
uploaded it) delete it too; ours keeps deleting for the people given the collection's delete
permission, the site's moderators (groups.py), so an editor's slip cannot remove a picture that
pages of the whole site use."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.permission_policies.collections import (
    CollectionOwnershipPermissionPolicy,
    CollectionPermissionPolicy,
)
from wagtail.permissions import register_permission_policy

DELETE = "delete"


class ModeratorsDeletePolicy(CollectionOwnershipPermissionPolicy):
    """Wagtail's ownership rule for adding, changing and choosing; the collection's own delete
    permission for deleting."""

    def __init__(self, model, auth_model):
        super().__init__(model, auth_model=auth_model, owner_field_name="uploaded_by_user")
        self.deleting = CollectionPermissionPolicy(model, auth_model=auth_model)

    def user_has_permission(self, user, action):
        if action == DELETE:
            return self.deleting.user_has_permission(user, DELETE)
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        others = set(actions) - {DELETE}
        if DELETE in actions and self.deleting.user_has_permission_for_instance(
            user, DELETE, instance
        ):
            return True
        return bool(others) and super().user_has_any_permission_for_instance(user, others, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        others = set(actions) - {DELETE}
        instances = self.model._default_manager.none()
        if others:
            instances = super().instances_user_has_any_permission_for(user, others)
        if DELETE in actions:
            instances |= self.deleting.instances_user_has_any_permission_for(user, [DELETE])
        return instances

    def _either(self, others, deleting):
        users = Q(pk__in=deleting.values("pk"))
        if others is not None:
            users |= Q(pk__in=others.values("pk"))
        return get_user_model().objects.filter(users)

    def users_with_any_permission(self, actions):
        others = set(actions) - {DELETE}
        if DELETE not in actions:
            return super().users_with_any_permission(actions)
        return self._either(
            super().users_with_any_permission(others) if others else None,
            self.deleting.users_with_any_permission([DELETE]),
        )

    def users_with_any_permission_for_instance(self, actions, instance):
        others = set(actions) - {DELETE}
        if DELETE not in actions:
            return super().users_with_any_permission_for_instance(actions, instance)
        return self._either(
            super().users_with_any_permission_for_instance(others, instance) if others else None,
            self.deleting.users_with_any_permission_for_instance([DELETE], instance),
        )


def register_media_permission_policies():
    """Called from the app's ready(). `exact_class` wins over the policies Wagtail registers."""
    for model, auth_model in [
        (get_image_model(), "wagtailimages.Image"),
        (get_document_model(), "wagtaildocs.Document"),
    ]:
        register_permission_policy(model, ModeratorsDeletePolicy(model, auth_model), True)
