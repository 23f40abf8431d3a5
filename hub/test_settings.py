"""Settings for the test suite: the normal settings in HUB_ENV=test mode."""

import os

os.environ["HUB_ENV"] = "test"

from hub.settings import *  # noqa: E402, F403
