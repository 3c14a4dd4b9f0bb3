"""The words planner uses about safety, kept in one place so every face says the same."""

from __future__ import annotations

DISCLAIMER = (
    "planner is not a clinician: it gives no diagnosis and no medical advice. "
    "See a doctor or physiotherapist if pain is severe, lasts more than a few weeks, keeps "
    "coming back, or follows a fall or injury."
)

RED_FLAG_LABELS: dict[str, str] = {
    "numbness": "numbness or tingling in a leg",
    "weakness": "weakness in a leg",
    "saddle": "numbness around the groin, buttocks or inner thighs (the saddle area)",
    "bladder-bowel": "loss of bladder or bowel control",
}

URGENT_CARE = (
    "This needs urgent medical attention: contact a doctor or emergency service today. "
    "Your program is paused and will stay paused until you confirm a health professional "
    "has assessed you (planner resume --confirm)."
)

SEE_A_PROFESSIONAL = (
    "Please have your back checked by a doctor or physiotherapist before building back up."
)
