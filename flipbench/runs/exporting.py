"""Exporting a run's tables to Parquet, CSV or JSONL, for pandas, R, DuckDB or a spreadsheet.

Each exported task row carries what it needs to stand alone: its subject's program, language,
fault, fault lines, SPM condition and verdict, and the run's seed and flipbench version.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from flipbench.errors import InputError
from flipbench.runs.store import EXPORT_TABLES, Store, check_schema

FORMATS = ("parquet", "csv", "jsonl")
TABLES = tuple(EXPORT_TABLES)
"""The tables a run exports (their statements are the store's)."""
BATCH = 10_000


def export(folder: Path, destination: Path, *, table: str = "tasks", kind: str | None = None) -> int:
    """Write one table of the run in ``folder`` to ``destination``; returns the number of rows."""
    if table not in TABLES:
        raise InputError(f"unknown table {table!r}: use one of {', '.join(TABLES)}")
    kind = kind or destination.suffix.lstrip(".").lower()
    if kind not in FORMATS:
        raise InputError(f"{destination}: cannot tell the format from the extension; pass --as {'|'.join(FORMATS)}")
    if not (folder / "flipbench.sqlite").is_file():
        raise InputError(f"{folder}: not a flipbench run directory (no flipbench.sqlite)")
    with Store(folder) as store:
        meta = store.meta()
        check_schema(folder, meta)
        extra = {"seed": int(meta.get("seed", 0)), "flipbench_version": meta.get("flipbench_version", "")}
        rows = _rows(store, table, extra)
        writer = {"parquet": _parquet, "csv": _csv, "jsonl": _jsonl}[kind]
        destination.parent.mkdir(parents=True, exist_ok=True)
        return writer(rows, destination)


def _rows(store: Store, table: str, extra: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for record in store.export_rows(table):
        for key in ("predicted", "fault_lines", "fault_function", "edits"):
            if key in record and isinstance(record[key], str):
                record[key] = json.loads(record[key])
        for key in ("exact", "within_tolerance", "top_k"):
            if key in record and record[key] is not None:
                record[key] = bool(record[key])
        record.update(extra)
        yield record


def _jsonl(rows: Iterator[dict[str, Any]], destination: Path) -> int:
    count = 0
    with destination.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    return count


def _csv(rows: Iterator[dict[str, Any]], destination: Path) -> int:
    count = 0
    with destination.open("w", encoding="utf-8", newline="") as out:
        writer = None
        for row in rows:
            flat = {key: json.dumps(value) if isinstance(value, list) else value for key, value in row.items()}
            if writer is None:
                writer = csv.DictWriter(out, fieldnames=list(flat))
                writer.writeheader()
            writer.writerow(flat)
            count += 1
    return count


def _parquet(rows: Iterator[dict[str, Any]], destination: Path) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as error:  # pragma: no cover - pyarrow is a dependency
        raise InputError("Parquet export needs pyarrow (pip install pyarrow)") from error
    count, writer, batch = 0, None, []
    try:
        for row in rows:
            batch.append(row)
            if len(batch) >= BATCH:
                writer = _write_batch(pa, pq, writer, batch, destination)
                count += len(batch)
                batch = []
        if batch or writer is None:
            writer = _write_batch(pa, pq, writer, batch, destination)
            count += len(batch)
    finally:
        if writer is not None:
            writer.close()
    return count


_LISTS = {"predicted", "fault_lines"}
_SPANS = {"fault_function"}
_BOOLEANS = {"exact", "within_tolerance", "top_k"}
_FLOATS = {"exam", "expected_correct", "seconds", "fault_position", "position"}
_INTEGERS = {"draw", "attempts", "input_tokens", "output_tokens", "seed", "attempt", "strength", "line_count",
             "edit_distance"}


def _schema(pa: Any, columns: list[str]) -> Any:
    """Column types by name, so that a first batch full of nulls cannot fix a column to the null type."""
    def kind(column: str) -> Any:
        if column in _LISTS:
            return pa.list_(pa.int64())
        if column in _SPANS:
            return pa.list_(pa.list_(pa.int64()))
        if column == "edits":
            return pa.list_(pa.struct([("spm", pa.string()), ("description", pa.string()), ("line", pa.int64()),
                                       ("fault_distance", pa.int64())]))
        if column in _BOOLEANS:
            return pa.bool_()
        if column in _FLOATS:
            return pa.float64()
        if column in _INTEGERS:
            return pa.int64()
        return pa.string()
    return pa.schema([(column, kind(column)) for column in columns])


def _write_batch(pa: Any, pq: Any, writer: Any, batch: list[dict[str, Any]], destination: Path) -> Any:
    if writer is None:
        if not batch:
            writer = pq.ParquetWriter(destination, pa.schema([]))
            return writer
        writer = pq.ParquetWriter(destination, _schema(pa, list(batch[0])))
    writer.write_table(pa.Table.from_pylist(batch, schema=writer.schema))
    return writer
