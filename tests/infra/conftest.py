import os
import subprocess
import sys

import pytest

from tests.infra.drill_db import create_database, drop_database, new_name, server_params
from tests.processes import REPO, SERVICE_VARIABLES


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory):
    """A database migrated once per session, the template of each drill's database."""
    name = new_name("template")
    create_database(name)
    params = server_params()
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in SERVICE_VARIABLES and not key.endswith("_FILE")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.dev",
        DATABASE_URL=(
            f"postgres://{params['user']}:{params['password']}@{params['host']}:"
            f"{params['port']}/{name}"
        ),
        LOTSE_DATA_DIR=str(tmp_path_factory.mktemp("template-data")),
    )
    try:
        done = subprocess.run(
            [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        yield name
    finally:
        drop_database(name)
