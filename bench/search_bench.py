"""Search benchmark: load a corpus, serve the hub with gunicorn, load /search/ with wrk.

For each engine (SQLite file in var/bench/, PostgreSQL database hub_bench*) and each size
(10k posts, and 100k items + 1M posts + 100k members) it

1. (re)loads the corpus when asked (`--load`) or missing: migrate, `bench/generate_corpus.py`,
   which rebuilds the search index; load and reindex times are recorded;
2. starts gunicorn in production mode (HUB_ENV=production, PBKDF2, WhiteNoise manifest,
   no DEBUG) for each size side by side, on 127.0.0.1:8120, 8121, ...;
3. for every representative search, checks each size's response once, warms up, then runs
   wrk at 4 connections (latency percentiles) in short rounds that alternate between the
   sizes, so that the machine's drifting speed reaches both alike, and reports the medians
   over the rounds and the median per-round p50 ratio; then wrk at 32 connections
   (throughput) for each size;
4. writes bench/results/<run>/<engine>.json and a Markdown summary.

Run it from the repository root with the project's virtualenv; see bench/README.md.
"""

import argparse
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
LUA = str(ROOT / "bench" / "wrk_report.lua")
RESULTS = ROOT / "bench" / "results"
VAR = ROOT / "var" / "bench"
PORT = 8120
POSTGRES = "postgres://postgres@127.0.0.1:5432"
SEED = 1
UNTIL = "2026-11-01"  # pinned so both engines and every rerun get the same corpus

SIZES = {
    "10k": {"items": 1000, "posts": 10_000, "members": 1000},
    "1m": {"items": 100_000, "posts": 1_000_000, "members": 100_000},
}

# Production settings for the server, with values that only make sense on a bench machine.
BENCH_SECRET = "bench-only-secret-key-" + "k3Yq9vXz" * 6
SESSION_COOKIE = "__Host-sessionid"


def server_env(engine: str, size: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        HUB_ENV="production",
        SECRET_KEY=BENCH_SECRET,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        EMAIL_HOST="127.0.0.1",  # required in production; the benchmark sends no mail
        SECURE_SSL_REDIRECT="0",  # wrk talks plain HTTP to gunicorn, as a proxy would
        HUB_VAR_DIR=str(VAR / f"{engine}-{size}"),
        LOG_LEVEL="WARNING",
        DATABASE_URL=f"{POSTGRES}/{database_name(size)}" if engine == "postgres" else "",
    )
    return env


def database_name(size: str) -> str:
    return "hub_bench" if size == "1m" else f"hub_bench_{size}"


def run(cmd: list[str], env: dict[str, str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, env=env, cwd=ROOT, check=True, text=True, **kwargs)


def manage(env: dict[str, str], *args: str, capture: bool = False) -> str:
    result = run([PYTHON, "manage.py", *args], env, capture_output=capture)
    return result.stdout if capture else ""


def generate_corpus(env: dict[str, str], *args: str, capture: bool = False) -> str:
    """bench/generate_corpus.py: the corpus tool lives here, not in the hub's package."""
    script = str(ROOT / "bench" / "generate_corpus.py")
    result = run([PYTHON, script, *args], env, capture_output=capture)
    return result.stdout if capture else ""


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


# Loading ------------------------------------------------------------------------------------


def corpus_present(engine: str, size: str, env: dict[str, str]) -> bool:
    if engine == "sqlite" and not (VAR / f"{engine}-{size}" / "hub.sqlite3").exists():
        return False
    code = "from bench.corpus import existing_corpus_members as e; print(e())"
    try:
        out = manage(env, "shell", "-c", code, capture=True).split()
        return int(out[-1] if out else 0) > 0
    except subprocess.CalledProcessError:
        return False


def load(engine: str, size: str, env: dict[str, str]) -> dict:
    """Empty the database, migrate, generate the corpus and index it. Returns timings."""
    if engine == "sqlite":
        shutil.rmtree(VAR / f"{engine}-{size}", ignore_errors=True)
        (VAR / f"{engine}-{size}").mkdir(parents=True)
    else:
        name = database_name(size)
        subprocess.run(
            ["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", name], check=True
        )
        subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", name], check=True)
    began = time.monotonic()
    manage(env, "migrate", "--noinput", "-v0")
    migrated = time.monotonic()
    counts = SIZES[size]
    out = generate_corpus(
        env,
        f"--items={counts['items']}",
        f"--posts={counts['posts']}",
        f"--members={counts['members']}",
        f"--seed={SEED}",
        f"--until={UNTIL}",
        capture=True,
    )
    print(out)
    timings = {"migrate_s": round(migrated - began, 1)}
    for name, count, seconds in re.findall(r"^(\w+): (\d+) in ([\d.]+) s", out, re.M):
        timings[f"{name}_s"] = float(seconds)
        timings[f"{name}_count"] = int(count)
    if m := re.search(r"Loaded in ([\d.]+) s", out):
        timings["load_s"] = float(m.group(1))
    for source, count, seconds in re.findall(
        r"^([\w.]+): (\d+) documents in ([\d.]+) s", out, re.M
    ):
        timings[f"index {source}_s"] = float(seconds)
        timings[f"index {source}_count"] = int(count)
    if m := re.search(r"Search index rebuilt in ([\d.]+) s", out):
        timings["index_s"] = float(m.group(1))
    timings["total_s"] = round(time.monotonic() - began, 1)
    return timings


def database_size(engine: str, size: str, env: dict[str, str]) -> str:
    if engine == "sqlite":
        path = VAR / f"{engine}-{size}" / "hub.sqlite3"
        return f"{path.stat().st_size / 1e6:.0f} MB"
    out = subprocess.run(
        [
            "psql", "-h", "127.0.0.1", "-U", "postgres", "-Atc",
            f"select pg_size_pretty(pg_database_size('{database_name(size)}'))",
        ],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    return out.stdout.strip()


# What to search for --------------------------------------------------------------------------

FIXTURE_CODE = r"""
import json
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.db.models import Count, Q
from hub.accounts.models import User
from hub.networks.models import Membership, Network

network = (
    Network.objects.filter(slug__startswith="corpus-", kind="private")
    .annotate(n=Count("topics", filter=Q(topics__hidden_at=None)))
    .order_by("-n", "pk").first()
)
member = (
    User.objects.filter(network_memberships__network=network, is_active=True)
    .exclude(network_memberships__role="leader").order_by("pk").first()
)
store = SessionStore()
store[SESSION_KEY] = str(member.pk)
store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
store[HASH_SESSION_KEY] = member.get_session_auth_hash()
store.save()
print(json.dumps({"network_id": network.pk, "network_slug": network.slug,
                  "network_topics": network.n, "member": member.username,
                  "session": store.session_key}))
"""


def fixtures(env: dict[str, str]) -> dict:
    out = manage(env, "shell", "-c", FIXTURE_CODE, capture=True)
    return json.loads(out.strip().splitlines()[-1])


def scenarios(fx: dict) -> list[dict]:
    """The representative searches. `signed_in` sends the network member's session cookie."""
    return [
        {"name": "common word", "path": "/search/", "params": {"q": "patient"}},
        {"name": "rare word", "path": "/search/", "params": {"q": "calciphylaxis"}},
        {"name": "phrase", "path": "/search/", "params": {"q": '"missed a dose of insulin"'}},
        {
            "name": "tag + date filter",
            "path": "/search/",
            "params": {
                "tags": "sepsis",
                "created_after": "2024-01-01",
                "created_before": "2024-12-31",
            },
        },
        {
            "name": "network content (member)",
            "path": "/search/",
            "params": {"network": fx["network_slug"], "q": "handover"},
            "signed_in": True,
        },
        {
            "name": "member search (member)",
            "path": "/search/members/",
            "params": {"name": "Okafor"},
            "signed_in": True,
            "formats": ["html"],  # the member search page has no JSON form
        },
    ]


def url_for(scenario: dict, fmt: str, port: int = PORT) -> str:
    params = dict(scenario["params"])
    if fmt == "json":
        params["format"] = "json"
    return f"http://127.0.0.1:{port}{scenario['path']}?{urlencode(params)}"


def headers_for(scenario: dict, fx: dict) -> dict[str, str]:
    headers = {"Host": "127.0.0.1"}
    if scenario.get("signed_in"):
        headers["Cookie"] = f"{SESSION_COOKIE}={fx['session']}"
    return headers


def probe(url: str, headers: dict[str, str]) -> dict:
    """One request before measuring: the status, the size and (for JSON) the count."""
    request = urllib.request.Request(url, headers=headers)
    began = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            body = response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        body, status = error.read(), error.code
    except TimeoutError:
        return {"status": "timeout", "first_ms": _ms(time.monotonic() - began)}
    result = {"status": status, "bytes": len(body), "first_ms": _ms(time.monotonic() - began)}
    if body[:1] == b"{":
        try:
            data = json.loads(body)
            result["count"] = data.get("count")
            result["more"] = bool(data.get("more"))
            result["results"] = len(data.get("results", []))
        except ValueError:
            pass
    elif m := re.search(rb"(Found|More than) ([\d,]+) (?:result|member)", body):
        result["count"] = int(m.group(2).replace(b",", b""))
        result["more"] = m.group(1) == b"More than"
    return result


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def inprocess(env: dict[str, str], fx: dict, args: argparse.Namespace) -> dict:
    """Per-request wall and CPU time inside one process (bench/inprocess.py)."""
    urls = []
    for scenario in scenarios(fx):
        for fmt in [f for f in args.formats if f in scenario.get("formats", args.formats)]:
            path = url_for(scenario, fmt).split(f":{PORT}", 1)[1]
            urls.append([f"{scenario['name']} {fmt}", path, bool(scenario.get("signed_in"))])
    spec = {"member": fx["member"], "repeat": args.repeat, "urls": urls}
    out = run([PYTHON, "bench/inprocess.py", json.dumps(spec)], env, capture_output=True).stdout
    line = next(ln for ln in out.splitlines() if ln.startswith("INPROCESS_JSON "))
    data = json.loads(line.removeprefix("INPROCESS_JSON "))
    for name, row in data.items():
        print(f"  in-process {name:<32} wall p50={row['wall_p50_ms']} cpu p50={row['cpu_p50_ms']}")
    return data


# Serving and loading -------------------------------------------------------------------------


def start_server(env: dict[str, str], workers: int, port: int) -> subprocess.Popen:
    cmd = [
        GUNICORN, "hub.wsgi:application",
        "--bind", f"127.0.0.1:{port}",
        "--workers", str(workers),
        "--backlog", "2048",
        "--timeout", "120",
    ]  # fmt: skip
    server = subprocess.Popen(cmd, env=env, cwd=ROOT, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2).read()
            return server
        except OSError:
            time.sleep(0.5)
    stop_server(server)
    raise RuntimeError(f"gunicorn did not answer /healthz on port {port} within 60 s")


def stop_server(server: subprocess.Popen) -> None:
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)


def wrk(url: str, headers: dict[str, str], connections: int, seconds: int) -> dict:
    cmd = ["wrk", f"-t{min(2, connections)}", f"-c{connections}", f"-d{seconds}s"]
    cmd += ["--timeout", "30s", "-s", LUA]
    for name, value in headers.items():
        cmd += ["-H", f"{name}: {value}"]
    out = subprocess.run([*cmd, url], check=True, capture_output=True, text=True).stdout
    line = next(ln for ln in out.splitlines() if ln.startswith("BENCH_JSON "))
    data = json.loads(line.removeprefix("BENCH_JSON "))
    lat = data["latency_us"]
    return {
        "connections": connections,
        "seconds": seconds,
        "requests": data["requests"],
        "rps": round(data["requests"] / (data["duration_us"] / 1e6), 1),
        "p50_ms": round(lat["p50"] / 1000, 1),
        "p90_ms": round(lat["p90"] / 1000, 1),
        "p95_ms": round(lat["p95"] / 1000, 1),
        "p99_ms": round(lat["p99"] / 1000, 1),
        "mean_ms": round(lat["mean"] / 1000, 1),
        "max_ms": round(lat["max"] / 1000, 1),
        "errors": data["errors"],
        "load_average": load_average(),
    }


def prepare(engine: str, size: str, args: argparse.Namespace) -> dict:
    """Load the corpus if asked or missing, migrate, and (unless only loading) collect static
    files, create the signed-in member's session and time each search in one process."""
    env = server_env(engine, size)
    (VAR / f"{engine}-{size}").mkdir(parents=True, exist_ok=True)
    started = datetime.now(UTC).isoformat(timespec="seconds")
    record: dict = {"corpus": SIZES[size], "started": started}
    if args.load or not corpus_present(engine, size, env):
        record["load"] = load(engine, size, env)
    else:
        manage(env, "migrate", "--noinput", "-v0")  # migrations merged since the load
    if args.reindex and "load" not in record:
        began = time.monotonic()
        generate_corpus(env, "--index-only")  # the fast bulk index of the corpus
        record["load"] = {"index_s": round(time.monotonic() - began, 1)}
    record["database_size"] = database_size(engine, size, env)
    if args.load_only:
        return record
    manage(env, "collectstatic", "--noinput", "-v0")
    fx = fixtures(env)
    record["fixtures"] = {k: v for k, v in fx.items() if k != "session"}
    record["inprocess"] = inprocess(env, fx, args)
    record["env"], record["fx"] = env, fx  # dropped before saving
    return record


def median(values: list[float]) -> float:
    return round(statistics.median(values), 2)


def summarise(runs: list[dict]) -> dict:
    """The median of each latency figure over the rounds, and its range."""
    out: dict = {"rounds": len(runs), "requests": sum(r["requests"] for r in runs)}
    for key in ("p50_ms", "p95_ms", "p99_ms"):
        values = [r[key] for r in runs]
        out[key] = median(values)
        out[key.replace("_ms", "_range")] = [min(values), max(values)]
    out["errors"] = sum(sum(r["errors"].values()) for r in runs)
    out["load_average"] = runs[-1]["load_average"]
    return out


def measure(engine: str, args: argparse.Namespace) -> dict:
    """Every size of one engine, served side by side (one gunicorn each), each search's
    latency measured in rounds that alternate between the sizes, so that a change in the
    machine's speed during the run reaches every size alike."""
    record: dict = {
        "engine": engine,
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
        "uptime_before": subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip(),
        "workers": args.workers,
        "seconds_per_round": args.seconds,
        "rounds": args.rounds,
        "sizes": {},
    }
    for size in args.sizes:
        print(f"== {engine} {size}", flush=True)
        record["sizes"][size] = prepare(engine, size, args)
    if args.load_only:
        return record
    ports = {size: PORT + i for i, size in enumerate(args.sizes)}
    servers = {}
    results = []
    try:
        for size in args.sizes:
            servers[size] = start_server(record["sizes"][size]["env"], args.workers, ports[size])
        fxs = {size: record["sizes"][size]["fx"] for size in args.sizes}
        names = [s["name"] for s in scenarios(fxs[args.sizes[0]])]
        for name in names:
            if args.only and not any(o in name for o in args.only):
                continue
            per_size = {size: next(s for s in scenarios(fxs[size]) if s["name"] == name)
                        for size in args.sizes}  # fmt: skip
            first = per_size[args.sizes[0]]
            for fmt in [f for f in args.formats if f in first.get("formats", args.formats)]:
                row: dict = {"scenario": name, "format": fmt, "sizes": {}}
                targets = {}
                for size, scenario in per_size.items():
                    url = url_for(scenario, fmt, ports[size])
                    headers = headers_for(scenario, fxs[size])
                    entry = {"url": url, "probe": probe(url, headers)}
                    if scenario.get("signed_in"):
                        entry["probe_signed_out"] = probe(url, {"Host": "127.0.0.1"})
                    row["sizes"][size] = entry
                    if entry["probe"]["status"] == 200:
                        targets[size] = (url, headers)
                    else:
                        print(f"  {name} {fmt} {size}: HTTP {entry['probe']['status']}, skipped")
                for url, headers in targets.values():
                    wrk(url, headers, 4, args.warmup)  # caches, connections
                rounds = []
                for _ in range(args.rounds):
                    rounds.append(
                        {size: wrk(url, headers, 4, args.seconds)
                         for size, (url, headers) in targets.items()}
                    )  # fmt: skip
                for size, (url, headers) in targets.items():
                    entry = row["sizes"][size]
                    entry["c4_rounds"] = [r[size] for r in rounds]
                    entry["c4"] = summarise(entry["c4_rounds"])
                    entry["c32"] = wrk(url, headers, 32, args.seconds_c32)
                if len(targets) == 2 and len(args.sizes) == 2:
                    small, big = args.sizes
                    ratios = [
                        round(r[big]["p50_ms"] / r[small]["p50_ms"], 3)
                        for r in rounds
                        if r[small]["p50_ms"]
                    ]
                    row["p50_ratios"] = ratios
                    row["p50_ratio"] = median(ratios) if ratios else None
                print(
                    f"  {name:<26} {fmt:<4} "
                    + "  ".join(
                        f"{size}: count={row['sizes'][size]['probe'].get('count')} "
                        f"p50={row['sizes'][size]['c4']['p50_ms']} "
                        f"p95={row['sizes'][size]['c4']['p95_ms']} "
                        f"{row['sizes'][size]['c32']['rps']} req/s@32"
                        for size in targets
                    )
                    + f"  ratio={row.get('p50_ratio')} {row.get('p50_ratios', '')}",
                    flush=True,
                )
                results.append(row)
    finally:
        for server in servers.values():
            stop_server(server)
    for size in args.sizes:
        record["sizes"][size].pop("env", None)
        record["sizes"][size].pop("fx", None)
    record["results"] = results
    record["uptime_after"] = subprocess.run(["uptime"], capture_output=True, text=True).stdout
    return record


# Reporting -----------------------------------------------------------------------------------


def count_label(probe: dict) -> str:
    count = probe.get("count")
    if count is None:
        return ""
    return f"more than {count:,}" if probe.get("more") else f"{count:,}"


def markdown(records: list[dict]) -> str:
    lines = ["# Search benchmark", ""]
    for rec in records:
        sizes = list(rec["sizes"])
        lines += [
            f"## {rec['engine']}",
            "",
            f"Started {rec['started']}; {rec['uptime_before']}; gunicorn {rec['workers']} sync "
            f"workers per size, sizes served side by side; at 4 connections {rec['rounds']} "
            f"rounds of {rec['seconds_per_round']} s per size, alternating between the sizes.",
            "",
        ]
        for size, info in rec["sizes"].items():
            lines.append(f"- {size}: {info['corpus']}, database {info['database_size']}")
            if "load" in info:
                lines.append(f"  - load: `{json.dumps(info['load'])}`")
        lines += [
            "",
            "Median over the rounds at 4 connections (p95 range in brackets); ratio: the "
            "median over the rounds of the largest size's p50 over the smallest's.",
            "",
            "| search | format | "
            + " | ".join(f"{s} count | {s} p50 / p95 / p99 ms | {s} req/s @32" for s in sizes)
            + " | p50 ratio | ratio range | errors |",
            "|---|---|" + "---:|---|---:|" * len(sizes) + "---:|---|---:|",
        ]
        for row in rec.get("results", []):
            cells = []
            errors = 0
            for size in sizes:
                entry = row["sizes"].get(size, {})
                if "c4" not in entry:
                    status = entry.get("probe", {}).get("status")
                    cells += [f"HTTP {status}", "", ""]
                    continue
                c4, c32 = entry["c4"], entry["c32"]
                errors += c4["errors"] + sum(c32["errors"].values())
                cells += [
                    count_label(entry["probe"]),
                    f"{c4['p50_ms']} / {c4['p95_ms']} ({c4['p95_range'][0]}-"
                    f"{c4['p95_range'][1]}) / {c4['p99_ms']}",
                    f"{c32['rps']}",
                ]
            ratios = row.get("p50_ratios") or []
            ratio_range = f"{min(ratios):.2f}-{max(ratios):.2f}" if ratios else ""
            ratio = f"{row['p50_ratio']:.2f}" if row.get("p50_ratio") else ""
            lines.append(
                f"| {row['scenario']} | {row['format']} | "
                + " | ".join(cells)
                + f" | {ratio} | {ratio_range} | {errors} |"
            )
        lines.append("")
        for size, info in rec["sizes"].items():
            if not info.get("inprocess"):
                continue
            lines += [
                f"In-process at {size}, one request at a time (median / p95, ms):",
                "",
                "| search | wall p50 | wall p95 | CPU p50 | CPU p95 |",
                "|---|---:|---:|---:|---:|",
            ]
            for name, row in info["inprocess"].items():
                lines.append(
                    f"| {name} | {row['wall_p50_ms']} | {row['wall_p95_ms']} "
                    f"| {row['cpu_p50_ms']} | {row['cpu_p95_ms']} |"
                )
            lines.append("")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--engines", nargs="+", default=["sqlite", "postgres"])
    parser.add_argument("--sizes", nargs="+", default=["10k", "1m"], choices=list(SIZES))
    parser.add_argument("--load", action="store_true", help="Reload the corpus even if present")
    parser.add_argument("--load-only", action="store_true", help="Load, do not measure")
    parser.add_argument(
        "--reindex", action="store_true", help="Rebuild the corpus's search index first"
    )
    parser.add_argument("--rounds", type=int, default=5, help="Rounds at 4 connections")
    parser.add_argument("--seconds", type=int, default=3, help="Length of each round, per size")
    parser.add_argument("--seconds-c32", type=int, default=5, help="Length of the 32-conn run")
    parser.add_argument("--warmup", type=int, default=3, help="Length of the warm-up run")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn sync workers per size")
    parser.add_argument("--formats", nargs="+", default=["json", "html"])
    parser.add_argument("--repeat", type=int, default=15, help="In-process requests per search")
    parser.add_argument("--only", nargs="*", help="Only searches whose name contains these")
    parser.add_argument("--tag", default="", help="Suffix for the results folder name")
    args = parser.parse_args()
    if not shutil.which("wrk") and not args.load_only:
        print("wrk is missing: apt-get install -y wrk", file=sys.stderr)
        return 2
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + (f"-{args.tag}" if args.tag else "")
    out_dir = RESULTS / stamp
    out_dir.mkdir(parents=True, exist_ok=True)
    records = []
    for engine in args.engines:
        record = measure(engine, args)
        records.append(record)
        (out_dir / f"{engine}.json").write_text(json.dumps(record, indent=2))
        (out_dir / "summary.md").write_text(markdown(records))
    print(f"Results in {out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
