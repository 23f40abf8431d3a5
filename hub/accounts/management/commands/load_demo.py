from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from hub.accounts.demo import DEMO_PASSWORD, MEMBERS, ORGANISATIONS
from hub.accounts.models import Organisation, User
from hub.core.services import audit_record
from hub.library.demo import load_library_demo


class Command(BaseCommand):
    help = "Load the demo community (embedded demo only). Safe to run again: keeps existing data."

    @transaction.atomic
    def handle(self, *args, **options):
        if settings.PRODUCTION:
            raise CommandError(
                "Demo accounts have published passwords: never loaded in production."
            )
        organisations = {}
        for name, kind, country in ORGANISATIONS:
            organisations[name], _ = Organisation.objects.get_or_create(
                name=name, defaults={"kind": kind, "country": country}
            )
        created = 0
        for (
            username,
            email,
            display_name,
            first,
            last,
            member_type,
            organisation,
            job_title,
            country,
            roles,
            about,
        ) in MEMBERS:
            if User.objects.filter(username=username).exists():
                continue  # keep whatever the demo user changed since
            user = User(
                username=username,
                email=email,
                display_name=display_name,
                first_name=first,
                last_name=last,
                member_type=member_type,
                job_title=job_title,
                country=country,
                about=about,
                organisation=organisations.get(organisation),
                is_staff="Administrator" in roles,
                is_superuser="Administrator" in roles,
            )
            user.set_password(DEMO_PASSWORD)
            user.save()
            user.groups.set([Group.objects.get(name=r) for r in ["Member", *roles]])
            EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
            audit_record(action="accounts:member:demo_create", target=user)
            created += 1
        self.stdout.write(f"Demo community ready: {created} new member(s), {len(MEMBERS)} in all.")
        items = load_library_demo(stdout=self.stdout)
        self.stdout.write(f"Demo library ready: {items} new item(s).")
