"""The hub's fixed taxonomy (forums, library areas and categories), shipped in core/data/."""

import json
from functools import cache
from pathlib import Path

TAXONOMY_FILE = Path(__file__).with_name("data") / "taxonomy.json"


@cache
def load_taxonomy() -> dict:
    return json.loads(TAXONOMY_FILE.read_text(encoding="utf-8"))
