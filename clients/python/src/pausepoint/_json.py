"""JSON that keeps numbers exact both ways.

The API keeps metadata numbers exact (docs/api-reference.md, "Create"), so reads parse numbers with a
fraction or exponent as ``Decimal`` rather than rounding them to a float, and writes send a ``Decimal``
as the number it is. The standard encoder cannot emit a raw number for a custom type, so each Decimal
travels as a placeholder string unique to the call, swapped for its literal after encoding.
"""

from __future__ import annotations

import json
import math
import secrets
from decimal import Decimal
from typing import Any, Dict, List


def loads(data: bytes | str) -> Any:
    return json.loads(data, parse_float=Decimal)


def dumps(value: Any) -> bytes:
    marker = "\u0000decimal-" + secrets.token_hex(8) + "-"
    literals: List[str] = []

    def swap(item: Any) -> Any:
        if isinstance(item, Decimal):
            if not item.is_finite():
                raise ValueError(f"JSON has no number for {item}")
            literals.append(str(item))
            return f"{marker}{len(literals) - 1}"
        if isinstance(item, float) and not math.isfinite(item):
            raise ValueError(f"JSON has no number for {item}")
        if isinstance(item, dict):
            return {key: swap(entry) for key, entry in item.items()}
        if isinstance(item, (list, tuple)):
            return [swap(entry) for entry in item]
        return item

    text = json.dumps(swap(value), ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    if literals:
        # The marker starts with U+0000, which json.dumps writes as the escape \u0000, never raw.
        quoted = json.dumps(marker, ensure_ascii=False)[1:-1]
        positions: Dict[str, str] = {f'"{quoted}{index}"': literal for index, literal in enumerate(literals)}
        for placeholder, literal in positions.items():
            text = text.replace(placeholder, literal, 1)
    return text.encode("utf-8")
