"""Typed readers for settings from environment variables.

Each reader refuses a value it cannot understand with an error that names the
variable, the value given and what would be accepted, so a typo in a
deployment stops the start instead of quietly running with a default.

Secrets can come from files (Docker and Kubernetes secrets, systemd
credentials): when NAME is unset and NAME_FILE names a file, every reader
takes the value from that file, stripped of surrounding whitespace. Setting
both is refused, and so is a file that cannot be read or is empty. An error
about a value read from a file names the file, never the secret in it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = ("true", "1", "yes", "on")
FALSE_WORDS = ("false", "0", "no", "off")


class EnvError(ImproperlyConfigured):
    """A setting in the environment has a value Lotse cannot use."""

    def __init__(
        self, name: str, value: str, expected: str, *, secret_file: str | None = None
    ) -> None:
        given = f"{name}={value!r}" if secret_file is None else f"{name} in {secret_file}"
        super().__init__(f"{given} is not valid: expected {expected}.")
        self.name = name


def _given(environ: Mapping[str, str] | None, name: str) -> str | None:
    value = (os.environ if environ is None else environ).get(name)
    if value is None or value.strip() == "":
        return None
    return value.strip()


def _secret_file(name: str, environ: Mapping[str, str] | None) -> str | None:
    """The file NAME_FILE names, if the value of NAME is to come from it."""
    path = _given(environ, f"{name}_FILE")
    if path is not None and _given(environ, name) is not None:
        raise ImproperlyConfigured(
            f"{name} and {name}_FILE are both set: set only one of them "
            f"({name}_FILE names a file that holds the value)."
        )
    return path


def _read_secret(name: str, path: str) -> str:
    try:
        value = Path(path).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else "it is not UTF-8 text"
        raise ImproperlyConfigured(
            f"{name}_FILE={path!r} cannot be read ({reason}): it must name a readable "
            f"file that holds {name}."
        ) from None
    if value == "":
        raise ImproperlyConfigured(f"{name}_FILE={path!r} names an empty file: put {name} in it.")
    return value


def _raw(name: str, environ: Mapping[str, str] | None) -> str | None:
    path = _secret_file(name, environ)
    if path is not None:
        return _read_secret(name, path)
    return _given(environ, name)


def _invalid(name: str, value: str, expected: str, environ: Mapping[str, str] | None) -> EnvError:
    """The error for a bad value, naming its file instead of it if it came from one."""
    return EnvError(name, value, expected, secret_file=_given(environ, f"{name}_FILE"))


def env_str(
    name: str, default: str | None = None, *, environ: Mapping[str, str] | None = None
) -> str:
    value = _raw(name, environ)
    if value is not None:
        return value
    if default is None:
        raise ImproperlyConfigured(
            f"{name} must be set in the environment (or {name}_FILE, naming a file that holds it)."
        )
    return default


def env_optional(name: str, *, environ: Mapping[str, str] | None = None) -> str | None:
    return _raw(name, environ)


def env_bool(name: str, default: bool, *, environ: Mapping[str, str] | None = None) -> bool:
    value = _raw(name, environ)
    if value is None:
        return default
    word = value.lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    allowed = "/".join(TRUE_WORDS[:1] + FALSE_WORDS[:1])
    expected = f"{allowed} (or {', '.join(TRUE_WORDS[1:] + FALSE_WORDS[1:])})"
    raise _invalid(name, value, expected, environ)


def env_int(
    name: str,
    default: int,
    *,
    minimum: int | None = None,
    maximum: int | None = None,
    environ: Mapping[str, str] | None = None,
) -> int:
    value = _raw(name, environ)
    if value is None:
        return default
    bounds = "a whole number"
    if minimum is not None and maximum is not None:
        bounds += f" from {minimum} to {maximum}"
    elif minimum is not None:
        bounds += f" of at least {minimum}"
    elif maximum is not None:
        bounds += f" of at most {maximum}"
    try:
        number = int(value)
    except ValueError:
        raise _invalid(name, value, bounds, environ) from None
    if (minimum is not None and number < minimum) or (maximum is not None and number > maximum):
        raise _invalid(name, value, bounds, environ)
    return number


def env_list(
    name: str, default: list[str], *, environ: Mapping[str, str] | None = None
) -> list[str]:
    """A comma-separated list; empty items are refused rather than dropped."""
    value = _raw(name, environ)
    if value is None:
        return list(default)
    items = [item.strip() for item in value.split(",")]
    if any(item == "" for item in items):
        raise _invalid(name, value, "a comma-separated list without empty items", environ)
    return items


def env_choice(
    name: str, default: str, choices: tuple[str, ...], *, environ: Mapping[str, str] | None = None
) -> str:
    value = _raw(name, environ)
    if value is None:
        return default
    if value not in choices:
        raise _invalid(name, value, "one of " + ", ".join(choices), environ)
    return value


def env_urls(
    name: str, schemes: tuple[str, ...], *, environ: Mapping[str, str] | None = None
) -> list[str]:
    """One URL or several separated by commas (a cluster); [] when unset."""
    value = _raw(name, environ)
    if value is None:
        return []
    urls = [url.strip() for url in value.split(",")]
    expected = "URLs starting with " + " or ".join(f"{scheme}://" for scheme in schemes)
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme not in schemes or not parts.hostname:
            raise _invalid(name, value, expected, environ)
        try:
            parts.port  # noqa: B018 - raises ValueError on a port that is not a number
        except ValueError:
            raise _invalid(name, value, expected + " with a numeric port", environ) from None
    return urls


def env_url(
    name: str, schemes: tuple[str, ...], *, environ: Mapping[str, str] | None = None
) -> str | None:
    urls = env_urls(name, schemes, environ=environ)
    if len(urls) > 1:
        raise _invalid(name, ",".join(urls), "a single URL", environ)
    return urls[0] if urls else None


def env_path(name: str, default: Path, *, environ: Mapping[str, str] | None = None) -> Path:
    value = _raw(name, environ)
    return default if value is None else Path(value).expanduser().resolve()
