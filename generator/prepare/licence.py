"""The open data's licence as it is published: a preset's name in a language, with its address and SPDX id,
or the plan's own licence."""

from __future__ import annotations

from dataclasses import dataclass

from ..labels import Labels
from ..model import DataLicence, Plan
from ..model.licences import preset


@dataclass(frozen=True)
class ShownLicence:
    id: str | None     # the preset's id; None for a licence of the plan's own
    name: str
    url: str
    spdx: str | None


def licence(plan: Plan, labels: Labels) -> ShownLicence:
    chosen = plan.root.data_licence
    if isinstance(chosen, DataLicence):
        return ShownLicence(None, chosen.name, chosen.url, None)
    record = preset(chosen)
    return ShownLicence(record.id, labels.licence_names[record.id], record.url, record.spdx)


__all__ = ["ShownLicence", "licence"]
