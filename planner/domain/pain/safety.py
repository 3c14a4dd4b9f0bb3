"""Kept so older imports still work: every safety word now lives in :mod:`warning_signs`."""

from __future__ import annotations

from planner.domain.pain.warning_signs import BY_NAME, DISCLAIMER, MESSAGES, SEE_A_PROFESSIONAL

RED_FLAG_LABELS: dict[str, str] = {name: sign.question for name, sign in BY_NAME.items()}
URGENT_CARE = MESSAGES["urgent"]

__all__ = ["DISCLAIMER", "RED_FLAG_LABELS", "SEE_A_PROFESSIONAL", "URGENT_CARE"]
