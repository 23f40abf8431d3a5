"""The demo's error traps: drawn at load time, sent through the real services, loaded once."""

import pytest
from django.core.files.storage import default_storage

from hub.demo.gallery import load_error_traps
from hub.demo.reader import read_demo
from hub.gallery.models import ErrorTrap, TrapStatus
from tests.factories import MemberFactory

pytestmark = pytest.mark.django_db


def test_the_demo_error_traps_load_once_with_real_pictures():
    MemberFactory(username="moderator", roles=["Moderator"])
    traps = read_demo().traps
    for username in {spec["by"] for spec in traps}:
        MemberFactory(username=username)

    assert load_error_traps(read_demo()) == len(traps)
    assert load_error_traps(read_demo()) == 0

    loaded = ErrorTrap.objects.all()
    assert loaded.count() == len(traps)
    assert loaded.filter(status=TrapStatus.PENDING).count() == 1
    assert loaded.filter(status=TrapStatus.PUBLISHED, is_anonymous=True).exists()
    for trap in loaded:
        assert trap.categories.exists() and trap.tags.exists()
        for width in trap.image_widths:
            assert default_storage.exists(trap.storage_name(width))
