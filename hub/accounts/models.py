from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.urls import reverse
from django_countries.fields import CountryField


class OrganisationKind(models.TextChoices):
    NHS_TRUST = "nhs_trust", "NHS trust"
    INTEGRATED_CARE_BOARD = "icb", "Integrated care board"
    PRIMARY_CARE = "primary_care", "Primary care"
    INDEPENDENT = "independent", "Independent sector"
    CHARITY = "charity", "Charity or patient group"
    UNIVERSITY = "university", "University"
    REGULATOR = "regulator", "Regulator or national body"
    OTHER = "other", "Other"


class Organisation(models.Model):
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=OrganisationKind.choices, default="other")
    country = CountryField(blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                models.functions.Lower("name"), name="accounts_organisation_unique_name_ci"
            )
        ]

    def __str__(self) -> str:
        return self.name


class MemberType(models.TextChoices):
    PATIENT_OR_CARER = "patient_carer", "Patient or carer"
    PUBLIC = "public", "Member of the public"
    STAFF = "staff", "Health and care staff"
    SAFETY_LEAD = "safety_lead", "Patient safety lead"
    RESEARCHER = "researcher", "Researcher"
    OTHER = "other", "Other"


class Visibility(models.TextChoices):
    PUBLIC = "public", "Everyone"
    MEMBERS = "members", "Signed-in members"
    ONLY_ME = "only_me", "Only me"


def _visibility_field(default: str) -> models.CharField:
    return models.CharField(max_length=10, choices=Visibility.choices, default=default)


class User(AbstractUser):
    """A member of the hub. Profile fields live here; each personal field has its own visibility."""

    email = models.EmailField("email address", unique=True)
    display_name = models.CharField(
        max_length=80, blank=True, help_text="The name shown with what you share."
    )
    country = CountryField(blank=True)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="members"
    )
    job_title = models.CharField("role or job title", max_length=120, blank=True)
    member_type = models.CharField(max_length=20, choices=MemberType.choices, blank=True)
    about = models.TextField("about me", max_length=2000, blank=True)
    avatar = models.ImageField(upload_to="avatars/", blank=True)

    real_name_visibility = _visibility_field(Visibility.MEMBERS)
    country_visibility = _visibility_field(Visibility.PUBLIC)
    organisation_visibility = _visibility_field(Visibility.MEMBERS)
    job_title_visibility = _visibility_field(Visibility.MEMBERS)
    member_type_visibility = _visibility_field(Visibility.MEMBERS)
    about_visibility = _visibility_field(Visibility.PUBLIC)

    deletion_requested_at = models.DateTimeField(null=True, blank=True)
    # A copy of "has a verified address in allauth's email table", kept by hub/accounts/
    # signals.py: member lists filter on it instead of looking up each member's addresses.
    has_verified_email = models.BooleanField(default=False, editable=False)

    objects = UserManager()

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        # The directory lists members in this order; on PostgreSQL, name searches also have
        # trigram indexes (migration 0002).
        indexes = [
            models.Index(fields=["date_joined"]),
            models.Index(fields=["country"]),
            models.Index(fields=["member_type"]),
            models.Index(fields=["display_name", "username"], name="accounts_user_directory"),
        ]

    def __str__(self) -> str:
        return self.public_name

    @property
    def public_name(self) -> str:
        return self.display_name or self.username

    @property
    def initial(self) -> str:
        return self.public_name[:1].upper()

    def get_absolute_url(self) -> str:
        return reverse("accounts:profile", kwargs={"username": self.username})
