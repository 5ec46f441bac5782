"""Participants, consent, skill profiles and the matching engine.

Participants' personal data lives in this package alone. Public module (with
the matching issue): `matching.engine`.
"""
