"""Signals of the vacancy catalogue other packages may listen to."""

from django.dispatch import Signal

# Sent after the index took changed vacancies, with `ids`: the vacancies that
# were added, changed or removed. Matching listens to rematch affected
# participants; the index already answers with the new state when it fires.
vacancies_changed = Signal()
