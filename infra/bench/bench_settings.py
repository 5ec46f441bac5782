"""Settings of the guide API benchmark's server: the dev settings plus the baseline views."""

from cms.settings.dev import *  # noqa: F403

ROOT_URLCONF = "baseline_urls"
