"""The "Salary editors" group: staff who keep pay figures and their sources current.

They may change roles' and tiers' pay, edit pay-table rows and sources, and read the rest;
they may not add or delete roles, and have no permission on users or groups.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_NAME = "Salary editors"

PERMISSIONS = {
    "role": ("view", "change"),
    "experiencetier": ("view", "change"),
    "paycomparison": ("view", "add", "change", "delete"),
    "source": ("view", "add", "change"),
    "rolesource": ("view", "add", "change", "delete"),
    "careerstage": ("view",),
    "roleskill": ("view",),
    "skill": ("view",),
    "statistic": ("view",),
    "faqentry": ("view",),
}


def create_salary_editors(apps, schema_editor):
    # Permissions are normally created after all migrations; make sure they exist now.
    careers = apps.get_app_config("careers")
    careers.models_module = True
    create_permissions(careers, apps=apps, verbosity=0)
    careers.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    codenames = [
        f"{action}_{model}" for model, actions in PERMISSIONS.items() for action in actions
    ]
    group.permissions.set(
        Permission.objects.filter(content_type__app_label="careers", codename__in=codenames)
    )


def remove_salary_editors(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("careers", "0002_history"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_salary_editors, remove_salary_editors)]
