"""``bilan status --json``: progress per phase and exercise, hours, homework, consents."""

from __future__ import annotations

from typing import Any

from bilan_tui.domain.ledger import summarise
from bilan_tui.domain.ledger import to_json as ledger_json
from bilan_tui.domain.model import ExerciseStatus, Pack
from bilan_tui.domain.progress import next_exercise


def empty_status_report(pack: Pack) -> dict[str, Any]:
    """The status of a workbook that has no answer yet."""
    report = build_status_report(pack, {}, [], [])
    report["hours"] = ledger_json(summarise([], {}))
    report["follow_up"] = None
    return report


def build_status_report(
    pack: Pack,
    statuses: dict[str, ExerciseStatus],
    homework: list[dict[str, Any]],
    consents: list[dict[str, Any]],
) -> dict[str, Any]:
    """The report without its hours (the session adds them from the ledger)."""
    phases = []
    for phase in pack.phases:
        exercises = [
            {
                "id": exercise.ref,
                "pack": exercise.pack_id or pack.id,
                "title": exercise.title,
                "kind": exercise.kind.value,
                "status": statuses.get(exercise.ref, ExerciseStatus.TODO).value,
            }
            for exercise in phase.exercises
        ]
        phases.append(
            {
                "id": phase.id,
                "done": sum(1 for item in exercises if item["status"] == "done"),
                "total": len(exercises),
                "exercises": exercises,
            }
        )
    return {
        "pack": {"id": pack.id, "version": pack.version, "language": pack.language},
        "phases": phases,
        "next": next_exercise(pack, statuses),
        "hours": None,
        "homework": homework,
        "consents": consents,
    }
