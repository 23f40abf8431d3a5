"""Per-request cost of each search measured inside one process (Django's test client).

Run by search_bench.py with the server's environment. It prints one JSON object: for each
search, the median and p95 of wall time and of this process's CPU time over --repeat requests.
On SQLite the CPU time includes the database work (it runs in-process), so it is a measure of
cost that the machine's other load does not inflate; on PostgreSQL the query work happens in the
server process and only the wall time includes it.
"""

import json
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings")

import django  # noqa: E402

django.setup()

from django.test import Client  # noqa: E402

from hub.accounts.models import User  # noqa: E402


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    spec = json.loads(
        sys.argv[1]
    )  # {"member": username, "repeat": n, "urls": [[name, url, signed_in]]}
    anonymous, member = Client(HTTP_HOST="127.0.0.1"), Client(HTTP_HOST="127.0.0.1")
    member.force_login(User.objects.get(username=spec["member"]))
    out = {}
    for name, url, signed_in in spec["urls"]:
        client = member if signed_in else anonymous
        for _ in range(2):
            client.get(url)
        walls, cpus = [], []
        for _ in range(spec["repeat"]):
            wall, cpu = time.perf_counter(), time.process_time()
            response = client.get(url)
            cpus.append((time.process_time() - cpu) * 1000)
            walls.append((time.perf_counter() - wall) * 1000)
        out[name] = {
            "status": response.status_code,
            "wall_p50_ms": round(statistics.median(walls), 1),
            "wall_p95_ms": round(percentile(walls, 0.95), 1),
            "cpu_p50_ms": round(statistics.median(cpus), 1),
            "cpu_p95_ms": round(percentile(cpus, 0.95), 1),
        }
    print("INPROCESS_JSON " + json.dumps(out))


if __name__ == "__main__":
    main()
