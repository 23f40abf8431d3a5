"""The demo's error traps: drawn at load time, sent through the real services, loaded once."""

import pytest
from django.core.files.storage import default_storage

from hub.gallery.demo import TRAPS, load_gallery_demo
from hub.gallery.models import ErrorTrap, TrapStatus
from tests.factories import MemberFactory

pytestmark = pytest.mark.django_db


def test_the_demo_error_traps_load_once_with_real_pictures():
    MemberFactory(username="moderator", roles=["Moderator"])
    for username in {spec["by"] for spec in TRAPS}:
        MemberFactory(username=username)

    assert load_gallery_demo() == len(TRAPS)
    assert load_gallery_demo() == 0

    traps = ErrorTrap.objects.all()
    assert traps.count() == len(TRAPS)
    assert traps.filter(status=TrapStatus.PENDING).count() == 1
    assert traps.filter(status=TrapStatus.PUBLISHED, is_anonymous=True).exists()
    for trap in traps:
        assert trap.categories.exists() and trap.tags.exists()
        for width in trap.image_widths:
            assert default_storage.exists(trap.storage_name(width))
