"""Run Lotse on one machine: web server, Celery worker and beat together.

Prepares the installation first (migrations, demo content, the admin
account), then supervises the three processes: when one of them ends, the
others are stopped too, and Ctrl+C stops all.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from types import FrameType

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from cms.setup import ensure_admin, load_demo_content

STOP_GRACE_SECONDS = 10


def process_commands(host: str, port: int, web_workers: int) -> dict[str, list[str]]:
    python = sys.executable
    beat_schedule = settings.CELERY_BEAT_SCHEDULE_FILE
    beat_schedule.parent.mkdir(parents=True, exist_ok=True)
    return {
        # No access log: the office PC's search terms are nobody's business.
        "web": [
            python, "-m", "gunicorn", "cms.wsgi:application",
            "--bind", f"{host}:{port}",
            "--workers", str(web_workers), "--threads", "4",
            "--graceful-timeout", str(STOP_GRACE_SECONDS - 2),
        ],
        "worker": [
            python, "-m", "celery", "-A", "cms", "worker",
            "--pool", "threads", "--concurrency", "2", "--loglevel", "INFO",
            "--without-mingle", "--without-gossip",
            "--queues", ",".join(settings.LOTSE_TASK_QUEUES),
        ],
        "beat": [
            python, "-m", "celery", "-A", "cms", "beat",
            "--schedule", str(beat_schedule), "--loglevel", "INFO",
        ],
    }  # fmt: skip


class Command(BaseCommand):
    help = "Prepare this installation and serve Lotse with worker and beat."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--web-workers", type=int, default=2)
        parser.add_argument(
            "--skip-setup", action="store_true", help="Do not migrate or create content."
        )

    def handle(self, *args: object, **options: object) -> None:
        host, port = str(options["host"]), int(options["port"])  # type: ignore[call-overload]
        if not options["skip_setup"]:
            self.prepare()
        self.print_welcome(host, port)
        commands = process_commands(host, port, int(options["web_workers"]))  # type: ignore[call-overload]
        sys.exit(self.supervise(commands))

    def prepare(self) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        if load_demo_content():
            self.stdout.write("Demo content loaded.")
        account = ensure_admin(settings.DATA_DIR)
        self.admin = account
        if account.created:
            password = account.password_file.read_text().strip()
            self.stdout.write(
                self.style.SUCCESS(
                    f"Created the administrator '{account.username}' with the password "
                    f"{password} (kept in {account.password_file})."
                )
            )

    def print_welcome(self, host: str, port: int) -> None:
        base = f"http://{host}:{port}"
        lines = [f"Lotse runs on {base}/", f"Admin: {base}/admin/"]
        account = getattr(self, "admin", None)
        if account is not None:
            lines.append(
                f"Log in as '{account.username}'; the first password is in {account.password_file}"
            )
        lines.append("Stop with Ctrl+C.")
        self.stdout.write(self.style.SUCCESS("\n".join(lines)))
        self.stdout.flush()

    def supervise(self, commands: dict[str, list[str]]) -> int:
        # The commands are built above from sys.executable, not from user input.
        processes = {name: subprocess.Popen(argv) for name, argv in commands.items()}  # noqa: S603
        stopping = False

        def stop(signum: int, frame: FrameType | None) -> None:
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        exit_code = 0
        while not stopping:
            ended = {name: p.returncode for name, p in processes.items() if p.poll() is not None}
            if ended:
                for name, code in ended.items():
                    self.stderr.write(f"The {name} process ended with exit code {code}.")
                exit_code = 1
                break
            time.sleep(0.5)
        self.stop_all(processes)
        return exit_code

    def stop_all(self, processes: dict[str, subprocess.Popen[bytes]]) -> None:
        for process in processes.values():
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + STOP_GRACE_SECONDS
        for process in processes.values():
            try:
                process.wait(timeout=max(deadline - time.monotonic(), 0.1))
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
