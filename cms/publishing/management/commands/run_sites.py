import os
import signal
import subprocess
import sys
import time
from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from wagtail.models import Site

from cms.publishing.models import StaticRebuild
from cms.publishing.tasks import QUEUE, queue_full_build

# How long a process has to stop after Ctrl-C before it is killed: a worker finishes its task.
STOP_SECONDS = 10


class Command(BaseCommand):
    help = (
        "Run everything `make run` serves: the live sites and admin (runserver), two task "
        "workers (db_worker: one for the static rebuilds, one for the rest), the scheduler "
        "(run_scheduled_tasks --loop) and the static copies (serve_static), after queueing a "
        "whole-site build for the worker. Ctrl-C stops them all."
    )

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=settings.SITE_PORT)
        parser.add_argument("--static-port", type=int, default=settings.STATIC_PORT)

    def handle(self, *args, port, static_port, **options):
        self._check_site_ports(port)
        # Nothing runs yet: a build still marked "building" lost its worker.
        StaticRebuild.fail_stalled(after=timedelta(0))
        record = queue_full_build("Whole-site build (make run)")
        manage = [sys.executable, "manage.py"]
        quick_start = ["--no-startup-delay", "--no-reload"]
        processes = {
            "web": [*manage, "runserver", str(port)],
            # Never reloaded on a code change: that would kill a build halfway.
            "worker": [*manage, "db_worker", "--queue-name", "default", *quick_start],
            "publisher": [*manage, "db_worker", "--queue-name", QUEUE, *quick_start],
            "scheduler": [*manage, "run_scheduled_tasks", "--loop"],
            "static": [*manage, "serve_static", str(static_port)],
        }
        # What they write (the admin's base URL) names the port the sites are served on.
        env = {**os.environ, "SITE_PORT": str(port), "STATIC_PORT": str(static_port)}
        running = {
            name: subprocess.Popen(command, start_new_session=True, env=env)
            for name, command in processes.items()
        }
        # Ctrl-C (even where a shell started it with SIGINT ignored), stopped, or its terminal
        # closed: stop what it started too (they have sessions of
        # their own, so nothing else would).
        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(signum, _interrupt)
        self._print_addresses(port, static_port)
        try:
            self._watch(running, record)
        except KeyboardInterrupt:
            self.stdout.write("\nStopping the web server, worker, scheduler and static server...")
        finally:
            _stop(running)
            StaticRebuild.fail_stalled(after=timedelta(0))

    def _check_site_ports(self, port):
        """Say so when the Wagtail Sites are on another port than the one served: every
        absolute address (feeds, calendar links, sitemaps) would point there."""
        elsewhere = Site.objects.exclude(port=port).order_by("hostname")
        for site in elsewhere:
            self.stderr.write(
                f"The site {site.hostname} is on port {site.port}, not {port}: its links would "
                f"point there. Run `PORT={port} manage.py load_demo` (`make run PORT={port}` "
                "does) to move it."
            )

    def _print_addresses(self, port, static_port):
        hosts = settings.SITE_HOSTS
        self.stdout.write(
            "\n"
            f"Growing Up NYC:  http://{hosts['growingup']}:{port}/\n"
            f"Generation NYC:  http://{hosts['generation']}:{port}/\n"
            f"Admin:           http://{hosts['growingup']}:{port}/admin/  (login printed above)\n"
            "Static copies (dist/), as the public gets them, once the worker has built them:\n"
            f"  Growing Up NYC: http://{hosts['growingup']}:{static_port}/\n"
            f"  Generation NYC: http://{hosts['generation']}:{static_port}/\n"
            "Ctrl-C stops everything.\n"
        )

    def _watch(self, running, record):
        started = time.monotonic()
        while True:
            for name, process in running.items():
                if process.poll() is not None:
                    self.stderr.write(f"The {name} process stopped (exit {process.returncode}).")
                    return
            if record is not None:
                record.refresh_from_db()
                if record.status == StaticRebuild.Status.LIVE:
                    seconds = time.monotonic() - started
                    self.stdout.write(
                        self.style.SUCCESS(f"Static copies ready: built in {seconds:.0f} s.")
                    )
                    record = None
                elif record.status == StaticRebuild.Status.FAILED:
                    self.stderr.write(f"The static build failed: {record.error}")
                    record = None
            time.sleep(1)


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def _stop(running):
    """Stop each process and what it started (runserver's reloader child) with SIGTERM (a
    worker finishes its task first); kill what is still running after STOP_SECONDS."""
    for signum in (signal.SIGINT, signal.SIGHUP):  # a second signal would orphan them
        signal.signal(signum, signal.SIG_IGN)
    for process in running.values():
        if process.poll() is None:
            _signal(process, signal.SIGTERM)
    deadline = time.monotonic() + STOP_SECONDS
    for process in running.values():
        try:
            process.wait(max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            _signal(process, signal.SIGKILL)
            process.wait()


def _signal(process, signum):
    try:
        os.killpg(process.pid, signum)
    except ProcessLookupError:
        pass
