"""Reset a staff member's two-factor authentication (lost phone and backup codes).

Removes their authenticator app and backup codes; their sessions that had
confirmed a code must confirm again, and at their next sign-in they set up an
app anew (if their role needs one). The lockout after wrong passwords is
separate: `manage.py axes_reset_username USERNAME` lifts it.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from cms.accounts import two_factor


class Command(BaseCommand):
    help = "Remove a user's authenticator app and backup codes, so they set up 2FA again."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username", help="The user's login name.")

    def handle(self, *args: Any, username: str, **options: Any) -> None:
        users = get_user_model()
        try:
            user = users.objects.get(**{users.USERNAME_FIELD: username})
        except users.DoesNotExist:
            raise CommandError(
                f"There is no user {username!r}. Check the spelling; user names are case-sensitive."
            ) from None
        removed = two_factor.reset(user)
        if removed:
            self.stdout.write(
                f"Two-factor authentication of {username} reset: they set it up again at their "
                "next sign-in."
            )
        else:
            self.stdout.write(
                f"{username} had no two-factor authentication set up; nothing changed."
            )
