"""Run every benchmark and print its figures: `make benchmarks` (python -m benchmarks [name ...]).

Each module `benchmarks/bench_<name>.py` has `run(report)`; `report(label, value, unit,
target=None)` prints one figure. The benchmarks run on a fresh SQLite database in a temporary
folder with the demo loaded, so they never touch var/db.sqlite3."""

import os
import pkgutil
import sys
import tempfile
import time
from importlib import import_module
from pathlib import Path


def report(label, value, unit, target=None):
    goal = f"  (target {target})" if target else ""
    print(f"  {label:<58} {value:>10.2f} {unit}{goal}")


def main(names):
    workdir = tempfile.mkdtemp(prefix="benchmarks-")
    os.environ.setdefault("VAR_DIR", workdir)
    os.environ.setdefault("DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings")
    # The benchmarks time the background tasks themselves, in this process.
    os.environ.setdefault("TASKS_BACKEND", "immediate")
    # One client sends every request here: no rate limit may refuse it.
    os.environ.setdefault("SEARCH_API_RATE", "1000000/m")
    os.environ.setdefault("PAGE_QUERY_RATE", "1000000/m")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    call_command("load_demo", stdout=open(os.devnull, "w"))
    print(f"demo loaded in {time.perf_counter() - started:.1f} s ({workdir})")

    package = Path(__file__).parent
    modules = sorted(
        m.name for m in pkgutil.iter_modules([str(package)]) if m.name.startswith("bench_")
    )
    for module_name in modules:
        if names and module_name.removeprefix("bench_") not in names:
            continue
        print(module_name.removeprefix("bench_"))
        import_module(f"benchmarks.{module_name}").run(report)


if __name__ == "__main__":
    main(sys.argv[1:])
