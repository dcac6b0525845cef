"""The open-data licences a plan can name by id (`data_licence: pdl-1.0`): one record each, with the
address of its official text. Their display names, per language, are labels (`licence_names`).

A plan may instead give a licence of its own, with its name and address (`DataLicence`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class LicencePreset:
    id: str            # what plan.yaml writes
    url: str           # the licence's official text
    spdx: str | None   # its SPDX identifier, when it has one (Data Package, DCAT)


PRESETS: tuple[LicencePreset, ...] = (
    LicencePreset("cc-by-4.0", "https://creativecommons.org/licenses/by/4.0/", "CC-BY-4.0"),
    # 公共データ利用規約 第1.0版 (the Digital Agency, 2024): compatible with CC BY 4.0; no SPDX identifier yet.
    LicencePreset("pdl-1.0", "https://www.digital.go.jp/resources/open_data/public_data_license_v1.0", None),
)
DEFAULT_LICENCE = "cc-by-4.0"
LicenceId = Literal["cc-by-4.0", "pdl-1.0"]
assert set(LicenceId.__args__) == {preset.id for preset in PRESETS}  # type: ignore[attr-defined]


def preset(licence_id: str) -> LicencePreset:
    return next(record for record in PRESETS if record.id == licence_id)


__all__ = ["DEFAULT_LICENCE", "LicenceId", "LicencePreset", "PRESETS", "preset"]
