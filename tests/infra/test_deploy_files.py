"""The deployment files in infra/deploy: valid, complete and consistent.

Nothing here starts a container (no engine runs here, and `docker compose` is
not installed; see infra/deploy/README.md). Instead: every YAML file parses,
the compose file is checked against the Compose specification's schema, the
Kubernetes manifests against Kubernetes' schemas, the systemd units with
`systemd-analyze verify`, the nginx sites with `nginx -t`; and across all
three layouts, each queue has exactly one worker, one beat runs, and the
production settings load from exactly the environment each layout gives.
"""

from __future__ import annotations

import configparser
import copy
import json
import re
import shutil
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import jsonschema
import kubernetes_validate
import pytest
import yaml
from django.conf import settings

from tests.processes import REPO

DEPLOY = REPO / "infra" / "deploy"
K8S = DEPLOY / "k8s"
SYSTEMD = DEPLOY / "systemd"
KUBERNETES_VERSION = "1.33.0"
QUEUES = set(settings.LOTSE_TASK_QUEUES)
# What cms/settings/production.py refuses to start without.
REQUIRED = {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "CELERY_BROKER_URL", "ELASTICSEARCH_URL"}
# Never in plain environment variables: always NAME_FILE (cms/settings/env.py).
SECRETS = {"SECRET_KEY", "DATABASE_URL", "CELERY_BROKER_URL", "REDIS_URL", "ELASTICSEARCH_URL"}
# Values for the secret files when the settings are loaded below.
SECRET_VALUES = {
    "SECRET_KEY": "k" * 64,
    "DATABASE_URL": "postgres://lotse:pw@db.internal:5432/lotse",
    "CELERY_BROKER_URL": "redis://:pw@redis.internal:6379/0",
    "REDIS_URL": "redis://:pw@redis.internal:6379/1",
    "ELASTICSEARCH_URL": "http://lotse:pw@es1:9200,http://lotse:pw@es2:9200",
}
APP_SERVICES = {
    "web",
    "migrate",
    "worker-default",
    "worker-crawling",
    "worker-indexing",
    "worker-matching",
    "beat",
}


def load_yaml_documents(path: Path) -> list[dict]:
    return [doc for doc in yaml.safe_load_all(path.read_text(encoding="utf-8")) if doc]


def compose() -> dict:
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text(encoding="utf-8"))


def manifests() -> list[tuple[Path, dict]]:
    return [
        (path, doc)
        for path in sorted(K8S.rglob("*.yaml"))
        for doc in load_yaml_documents(path)
        if doc.get("kind") != "Kustomization"
    ]


def queues_of(command: list[str] | str) -> list[str]:
    text = command if isinstance(command, str) else " ".join(command)
    found = re.findall(r"--queues[= ](\S+)", text)
    return [queue for group in found for queue in group.split(",")]


def load_production_settings(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Load cms.settings.production in a fresh interpreter with exactly `env`."""
    script = (
        "import json; from django.conf import settings as s; "
        "print(json.dumps([s.DATABASE_URL, s.CELERY_BROKER_URL, s.ALLOWED_HOSTS]))"
    )
    base = {"PATH": "/usr/bin:/bin", "HOME": "/tmp", "LANG": "C.UTF-8"}  # noqa: S108
    return subprocess.run(
        [sys.executable, "-c", script],
        cwd=REPO,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def secret_files(tmp_path: Path, names: dict[str, str]) -> dict[str, str]:
    """Write SECRET_VALUES into files; names maps each secret to its file name."""
    folder = tmp_path / "secrets"
    folder.mkdir(exist_ok=True)
    for variable, file_name in names.items():
        (folder / file_name).write_text(SECRET_VALUES[variable] + "\n")
    return {variable: str(folder / file_name) for variable, file_name in names.items()}


# --- every file ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    sorted(DEPLOY.rglob("*.yaml")) + sorted(DEPLOY.rglob("*.yml")),
    ids=lambda path: str(path.relative_to(DEPLOY)),
)
def test_yaml_file_parses(path):
    assert load_yaml_documents(path)


# --- compose -------------------------------------------------------------------------


def compose_schema() -> dict:
    vendor = files("check_jsonschema.builtin_schemas.vendor")
    return json.loads((vendor / "compose-spec.json").read_text(encoding="utf-8"))


def compose_errors(document: dict) -> list[str]:
    schema = compose_schema()
    validator = jsonschema.validators.validator_for(schema)(schema)
    return [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in validator.iter_errors(document)
    ]


def test_compose_file_follows_the_compose_specification():
    assert compose_errors(compose()) == []


def test_the_compose_check_catches_a_misspelt_key():
    document = copy.deepcopy(compose())
    document["services"]["web"]["enviroment"] = {"DEBUG": "false"}
    assert any("enviroment" in error for error in compose_errors(document))


def test_compose_runs_one_worker_per_queue_and_one_beat():
    services = compose()["services"]
    consumed = [queue for svc in services.values() for queue in queues_of(svc.get("command", []))]
    assert sorted(consumed) == sorted(QUEUES)
    beats = [name for name, svc in services.items() if "beat" in svc.get("command", [])]
    assert beats == ["beat"]
    assert services["beat"].get("deploy", {}).get("replicas", 1) == 1


def test_compose_app_services_take_secrets_from_files_only():
    document = compose()
    for name in APP_SERVICES:
        service = document["services"][name]
        env = service["environment"]
        assert env["DJANGO_SETTINGS_MODULE"] == "cms.settings.production", name
        for variable in SECRETS:
            assert variable not in env, f"{name}: {variable} must come from a file"
            path = env[f"{variable}_FILE"]
            secret = path.removeprefix("/run/secrets/")
            assert secret in service["secrets"], f"{name}: {path} is not mounted"
            assert secret in document["secrets"], f"{name}: no top-level secret {secret}"
        for variable in REQUIRED - SECRETS:
            assert variable in env, f"{name} lacks {variable}"


def test_compose_secret_files_are_all_made_by_make_secrets():
    script = (DEPLOY / "make-secrets.sh").read_text()
    for name, secret in compose()["secrets"].items():
        file_name = Path(secret["file"]).name
        assert re.search(rf"\b{file_name}\b", script), f"make-secrets.sh does not make {name}"


def test_compose_environment_loads_the_production_settings(tmp_path):
    service = compose()["services"]["web"]
    env = {
        key: str(value)
        for key, value in service["environment"].items()
        if not key.endswith("_FILE")
    }
    # Compose's ${VAR:-default}: the default.
    env = {key: re.sub(r"\$\{\w+:-([^}]*)\}", r"\1", value) for key, value in env.items()}
    env["LOTSE_DATA_DIR"] = str(tmp_path / "data")
    names = {var: Path(service["environment"][f"{var}_FILE"]).name for var in SECRETS}
    env.update({f"{var}_FILE": path for var, path in secret_files(tmp_path, names).items()})
    done = load_production_settings(env)
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout)[2] == ["lotse.localhost"]


def test_compose_runs_three_elasticsearch_nodes_that_discover_each_other():
    services = compose()["services"]
    nodes = {name: svc for name, svc in services.items() if re.fullmatch(r"es0\d", name)}
    assert sorted(nodes) == ["es01", "es02", "es03"]
    cluster = dict(
        line.split("=", 1)
        for line in (DEPLOY / "elasticsearch" / "cluster.env").read_text().splitlines()
        if line and not line.startswith("#")
    )
    assert cluster["cluster.initial_master_nodes"] == "es01,es02,es03"
    assert cluster["xpack.security.enabled"] == "true"
    assert cluster["xpack.security.transport.ssl.enabled"] == "true"
    for name, node in nodes.items():
        seeds = set(node["environment"]["discovery.seed_hosts"].split(","))
        assert seeds == set(nodes) - {name}
        assert node["environment"]["node.name"] == name
        assert node["image"].endswith(":9.2.4}")
        assert "ports" not in node, "Elasticsearch must not be published outside the stack"


# --- Kubernetes ----------------------------------------------------------------------


def test_kubernetes_manifests_follow_the_kubernetes_schemas():
    errors = []
    for path, doc in manifests():
        try:
            kubernetes_validate.validate(doc, KUBERNETES_VERSION, strict=True)
        except kubernetes_validate.ValidationError as error:
            errors.append(f"{path.name} {doc['kind']}/{doc['metadata']['name']}: {error}")
    assert errors == []


def test_the_kubernetes_check_catches_a_misspelt_field():
    (_path, deployment) = next((p, d) for p, d in manifests() if d["kind"] == "Deployment")
    broken = copy.deepcopy(deployment)
    broken["spec"]["template"]["spec"]["containers"][0]["envFrm"] = []
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, KUBERNETES_VERSION, strict=True)


def test_kustomization_lists_every_manifest_but_the_secret_example_and_jobs():
    for folder in (K8S, K8S / "jobs"):
        listed = set(yaml.safe_load((folder / "kustomization.yaml").read_text())["resources"])
        present = {p.name for p in folder.glob("*.yaml")} - {"kustomization.yaml"}
        assert listed == present - {"secret.example.yaml"}, folder


def pod_spec(doc: dict) -> dict | None:
    if doc["kind"] in ("Deployment", "Job", "StatefulSet"):
        return doc["spec"]["template"]["spec"]
    if doc["kind"] == "CronJob":
        return doc["spec"]["jobTemplate"]["spec"]["template"]["spec"]
    return None


def app_containers() -> list[tuple[str, dict]]:
    found = []
    for _path, doc in manifests():
        if spec := pod_spec(doc):
            for container in spec["containers"]:
                if container["image"] == "lotse":
                    found.append((doc["metadata"]["name"], container))
    return found


def test_kubernetes_runs_one_worker_per_queue_and_one_beat():
    consumed = [queue for _name, c in app_containers() for queue in queues_of(c["command"])]
    assert sorted(consumed) == sorted(QUEUES)
    beats = [
        doc
        for _path, doc in manifests()
        if doc["kind"] == "Deployment"
        and any(
            "beat" in c.get("command", []) for c in doc["spec"]["template"]["spec"]["containers"]
        )
    ]
    assert len(beats) == 1
    assert beats[0]["spec"]["replicas"] == 1
    assert beats[0]["spec"]["strategy"]["type"] == "Recreate"


def config_map(name: str) -> dict[str, str]:
    (doc,) = [
        d for _p, d in manifests() if d["kind"] == "ConfigMap" and d["metadata"]["name"] == name
    ]
    return doc["data"]


def test_kubernetes_app_containers_get_their_settings_and_secrets_from_files():
    config = config_map("lotse-config")
    (secret,) = [d for _p, d in manifests() if d["kind"] == "Secret"]
    assert config["DJANGO_SETTINGS_MODULE"] == "cms.settings.production"
    for variable in SECRETS:
        assert variable not in config
        folder, key = config[f"{variable}_FILE"].rsplit("/", 1)
        assert key in secret["stringData"], f"{variable}_FILE names no key of {secret['metadata']}"
    assert set(config) >= REQUIRED - SECRETS
    names = app_containers()
    assert {name for name, _c in names} >= {
        "lotse-web",
        "lotse-beat",
        "lotse-migrate",
        "lotse-search-rebuild",
        "lotse-backup",
    }
    for name, container in names:
        assert {"configMapRef": {"name": "lotse-config"}} in container["envFrom"], name
        mounts = {m["mountPath"]: m for m in container["volumeMounts"]}
        assert folder in mounts, f"{name} does not mount the secrets at {folder}"
        assert not any(e.get("name") in SECRETS for e in container.get("env", [])), name


def test_kubernetes_config_loads_the_production_settings(tmp_path):
    config = config_map("lotse-config")
    env = {k: v for k, v in config.items() if not k.endswith("_FILE")}
    env["LOTSE_DATA_DIR"] = str(tmp_path / "data")
    names = {var: Path(config[f"{var}_FILE"]).name for var in SECRETS}
    env.update({f"{var}_FILE": path for var, path in secret_files(tmp_path, names).items()})
    done = load_production_settings(env)
    assert done.returncode == 0, done.stderr[-2000:]


def test_kubernetes_web_probes_healthz_as_the_allowed_host_over_https():
    config = config_map("lotse-config")
    (web,) = [
        d
        for _p, d in manifests()
        if d["metadata"]["name"] == "lotse-web" and d["kind"] == "Deployment"
    ]
    (container,) = [c for c in web["spec"]["template"]["spec"]["containers"] if c["name"] == "web"]
    for probe in ("startupProbe", "readinessProbe"):
        check = container[probe]["httpGet"]
        headers = {h["name"]: h["value"] for h in check["httpHeaders"]}
        assert check["path"] == "/healthz"
        assert headers == {
            "Host": config["ALLOWED_HOSTS"].split(",")[0],
            "X-Forwarded-Proto": "https",
        }
    (ingress,) = [d for _p, d in manifests() if d["kind"] == "Ingress"]
    assert ingress["spec"]["rules"][0]["host"] in config["ALLOWED_HOSTS"].split(",")


def test_kubernetes_elasticsearch_is_a_cluster_of_three_that_discover_each_other():
    (es,) = [
        d
        for _p, d in manifests()
        if d["kind"] == "StatefulSet" and "es" in d["metadata"]["name"].split("-")
    ]
    assert es["spec"]["replicas"] == 3
    (container,) = es["spec"]["template"]["spec"]["containers"]
    env = {e["name"]: e.get("value") for e in container["env"]}
    assert container["image"].endswith(":9.2.4")
    name = es["metadata"]["name"]
    pods = [f"{name}-{n}" for n in range(3)]
    assert env["cluster.initial_master_nodes"].split(",") == pods
    assert env["discovery.seed_hosts"].split(",") == [
        f"{p}.{es['spec']['serviceName']}" for p in pods
    ]
    assert env["xpack.security.enabled"] == "true"
    assert env["xpack.security.transport.ssl.enabled"] == "true"


# --- systemd -------------------------------------------------------------------------


def unit(path: Path) -> configparser.RawConfigParser:
    parser = configparser.RawConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(path.read_text())
    return parser


def unit_values(path: Path, section: str, key: str) -> list[str]:
    """Every value of a key that systemd allows to repeat."""
    values, current = [], None
    for line in path.read_text().splitlines():
        if line.startswith("["):
            current = line.strip("[]")
        elif current == section and line.startswith(f"{key}="):
            values.append(line.split("=", 1)[1])
    return values


def test_systemd_target_starts_one_worker_per_queue_and_one_beat():
    wanted = " ".join(unit_values(SYSTEMD / "lotse.target", "Unit", "Wants")).split()
    workers = [re.fullmatch(r"lotse-worker@(\w+)\.service", w) for w in wanted]
    assert sorted(m.group(1) for m in workers if m) == sorted(QUEUES)
    assert "lotse-beat.service" in wanted and "lotse-web.service" in wanted
    template = unit(SYSTEMD / "lotse-worker@.service")["Service"]["ExecStart"]
    assert queues_of(template) == ["%i"]
    beat = unit(SYSTEMD / "lotse-beat.service")["Service"]["ExecStart"]
    assert " beat " in beat


@pytest.mark.parametrize(
    "name",
    [
        "lotse-web.service",
        "lotse-worker@.service",
        "lotse-beat.service",
        "lotse-migrate.service",
        "lotse-backup.service",
    ],
)
def test_systemd_units_hand_over_secrets_as_credentials(name):
    path = SYSTEMD / name
    credentials = dict(v.split(":", 1) for v in unit_values(path, "Service", "LoadCredential"))
    environment = dict(v.split("=", 1) for v in unit_values(path, "Service", "Environment"))
    for variable in SECRETS:
        assert environment[f"{variable}_FILE"].startswith("%d/")
        assert environment[f"{variable}_FILE"].removeprefix("%d/") in credentials
    assert unit(path)["Service"]["EnvironmentFile"] == "/etc/lotse/lotse.env"
    assert unit(path)["Service"]["User"] == "lotse"


def test_systemd_environment_loads_the_production_settings(tmp_path):
    env = dict(
        line.split("=", 1)
        for line in (SYSTEMD / "lotse.env.example").read_text().splitlines()
        if line and not line.startswith("#")
    )
    assert not SECRETS & set(env), "secrets do not belong in the environment file"
    env["LOTSE_DATA_DIR"] = str(tmp_path / "data")
    env["STATIC_ROOT"] = str(tmp_path / "static")
    units = unit_values(SYSTEMD / "lotse-web.service", "Service", "Environment")
    names = {
        variable: value.removeprefix("%d/")
        for variable, value in (
            (k.removesuffix("_FILE"), v) for k, v in (u.split("=", 1) for u in units)
        )
        if variable in SECRETS
    }
    env.update({f"{var}_FILE": path for var, path in secret_files(tmp_path, names).items()})
    done = load_production_settings(env)
    assert done.returncode == 0, done.stderr[-2000:]


def test_systemd_units_pass_systemd_analyze_verify(tmp_path):
    analyze = shutil.which("systemd-analyze")
    assert analyze, "systemd-analyze is missing: install Debian's systemd package"
    names = []
    for path in SYSTEMD.glob("lotse*"):
        if path.suffix not in (".service", ".target", ".timer"):
            continue
        # The units name the installed paths; here the repository's venv stands in.
        text = path.read_text().replace("/opt/lotse/", f"{REPO}/")
        (tmp_path / path.name).write_text(text)
        if "@" not in path.name:
            names.append(path.name)
    for queue in sorted(QUEUES):
        shutil.copy(tmp_path / "lotse-worker@.service", tmp_path / f"lotse-worker@{queue}.service")
        names.append(f"lotse-worker@{queue}.service")
    done = subprocess.run(
        [analyze, "verify", "--man=no", *(f"./{name}" for name in names)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stdout + done.stderr) == (0, "")


def test_systemd_verify_catches_a_misspelt_key(tmp_path):
    (tmp_path / "broken.service").write_text(
        "[Service]\nExecStrat=/bin/true\nExecStart=/bin/true\n"
    )
    done = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", "./broken.service"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert "Unknown key 'ExecStrat'" in done.stderr


# --- nginx ---------------------------------------------------------------------------


def nginx_sites() -> dict[str, str]:
    return {
        "compose": (DEPLOY / "nginx" / "compose.conf").read_text(),
        "systemd": (SYSTEMD / "nginx-lotse.conf").read_text(),
        "kubernetes": config_map("lotse-nginx")["default.conf"],
    }


def nginx_test(tmp_path: Path, site: str) -> subprocess.CompletedProcess[str]:
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    assert Path(nginx).exists(), (
        "nginx is missing: install Debian's nginx-light (infra/test.sh does)"
    )
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    if not cert.exists():
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
             "-subj", "/CN=lotse.test", "-keyout", str(key), "-out", str(cert)],
            capture_output=True, check=True, timeout=60,
        )  # fmt: skip
    # Host names resolve only inside the stack; certificates live elsewhere.
    site = site.replace("server web:8000", "server 127.0.0.1:8000")
    for placeholder in ("/run/secrets/tls_certificate", "/etc/lotse/tls/fullchain.pem"):
        site = site.replace(placeholder, str(cert))
    for placeholder in ("/run/secrets/tls_key", "/etc/lotse/tls/privkey.pem"):
        site = site.replace(placeholder, str(key))
    (tmp_path / "site.conf").write_text(site)
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log stderr;\nevents {{}}\n"
        f"http {{\n  include /etc/nginx/mime.types;\n  include {tmp_path}/site.conf;\n}}\n"
    )
    return subprocess.run(
        [
            nginx,
            "-t",
            "-q",
            "-e",
            "stderr",
            "-p",
            str(tmp_path),
            "-c",
            str(tmp_path / "nginx.conf"),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize("layout", ["compose", "systemd", "kubernetes"])
def test_nginx_site_passes_nginx_t(tmp_path, layout):
    site = nginx_sites()[layout]
    done = nginx_test(tmp_path, site)
    assert done.returncode == 0, done.stderr
    # Search terms are in query strings: no access log anywhere.
    assert "access_log off;" in site
    assert "location /media/documents/" in site


def test_nginx_t_catches_a_broken_site(tmp_path):
    done = nginx_test(tmp_path, nginx_sites()["systemd"].replace("proxy_pass", "proxy_pas"))
    assert done.returncode != 0
    assert "unknown directive" in done.stderr


# --- the image -----------------------------------------------------------------------


def dockerfile() -> str:
    return (DEPLOY / "Dockerfile").read_text()


def test_image_installs_from_the_constraints_and_runs_gunicorn_as_a_user_not_root():
    text = dockerfile()
    assert "pip install -c constraints.txt ." in text
    users = re.findall(r"^USER (\S+)", text, re.M)
    assert users and not users[-1].startswith(("root", "0"))
    assert "manage.py collectstatic --noinput" in text
    assert re.search(
        r'^CMD \["gunicorn", "--config", "/app/infra/deploy/gunicorn.conf.py"', text, re.M
    )
    assert "DJANGO_SETTINGS_MODULE=cms.settings.production" in text


def test_everything_the_image_copies_exists_and_passes_the_dockerignore():
    ignore = (DEPLOY / "Dockerfile.dockerignore").read_text().splitlines()
    allowed = {line[1:].rstrip("/") for line in ignore if line.startswith("!")}
    for source in re.findall(r"^COPY (?!--from)(.+) \S+$", dockerfile(), re.M):
        for item in source.split():
            assert (REPO / item).exists(), item
            assert item.rstrip("/") in allowed or any(item.startswith(a + "/") for a in allowed), (
                f"{item} is excluded by Dockerfile.dockerignore"
            )


def test_gunicorn_config_is_valid(tmp_path):
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "LOTSE_DATA_DIR": str(tmp_path),
    }
    done = subprocess.run(
        [sys.executable, "-m", "gunicorn", "--check-config", "--config",
         str(DEPLOY / "gunicorn.conf.py"), "cms.wsgi:application"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]


def test_the_image_build_time_variables_satisfy_the_production_settings(tmp_path):
    """collectstatic runs at build time with placeholders; they must pass the settings' checks."""
    pattern = r"^RUN (SECRET_KEY=.*?) python manage.py collectstatic"
    step = re.search(pattern, dockerfile(), re.M | re.S)
    assert step, "the collectstatic step is missing"
    env = dict(re.findall(r"(\w+)=(\S+)", step.group(1)))
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        LOTSE_DATA_DIR=str(tmp_path / "data"),
    )
    assert set(env) >= REQUIRED
    done = load_production_settings(env)
    assert done.returncode == 0, done.stderr[-2000:]


def test_make_secrets_writes_every_compose_secret_once_into_a_private_folder(tmp_path):
    env = {
        "PATH": "/usr/bin:/bin",
        "LOTSE_SECRETS_DIR": str(tmp_path / "s"),
        "LOTSE_HOST": "x.test",
    }

    def make() -> dict[str, bytes]:
        subprocess.run(
            ["bash", str(DEPLOY / "make-secrets.sh")],
            env=env, capture_output=True, check=True, timeout=120,
        )  # fmt: skip
        return {p.name: p.read_bytes() for p in (tmp_path / "s").iterdir()}

    first = make()
    wanted = {Path(secret["file"]).name for secret in compose()["secrets"].values()}
    assert wanted <= set(first)
    assert all(first[name] for name in wanted)
    # A private folder; the files in it are readable inside containers whose
    # users differ (the TLS key only by root, who runs nginx's master).
    assert (tmp_path / "s").stat().st_mode & 0o777 == 0o700
    modes = {name: (tmp_path / "s" / name).stat().st_mode & 0o777 for name in wanted}
    assert modes.pop("tls_key") == 0o600
    assert set(modes.values()) == {0o644}
    assert make() == first, "a second run must keep the existing secrets"
    # The URLs it writes are what the production settings accept.
    names = {var: Path(compose()["services"]["web"]["environment"][f"{var}_FILE"]).name
             for var in SECRETS}  # fmt: skip
    settings_env = {f"{var}_FILE": str(tmp_path / "s" / name) for var, name in names.items()}
    settings_env.update(ALLOWED_HOSTS="x.test", LOTSE_DATA_DIR=str(tmp_path / "data"))
    settings_env["DJANGO_SETTINGS_MODULE"] = "cms.settings.production"
    done = load_production_settings(settings_env)
    assert done.returncode == 0, done.stderr[-2000:]
    database_url, broker_url, _hosts = json.loads(done.stdout)
    assert database_url.startswith("postgres://lotse:") and database_url.endswith(
        "@postgres:5432/lotse"
    )
    assert broker_url.endswith("@redis:6379/0")
