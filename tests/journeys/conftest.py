import pytest


@pytest.fixture(autouse=True)
def _taxonomy(transactional_db):
    """Browser journeys run in transactional tests, whose flush also empties the tables that
    data migrations filled. Put the taxonomy back (roles come back through post_migrate)."""
    from hub.community.models import Forum
    from hub.taxonomy.loaders import load_categories, load_forums
    from hub.taxonomy.models import Category

    load_categories(Category)
    load_forums(Forum)
