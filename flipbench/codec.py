"""JSON round-trip for the frozen dataclasses that make up flipbench's data.

One generic codec instead of a hand-written ``to_dict``/``from_dict`` per type, so that a new
field can never be forgotten in one direction. Tuples become lists; dataclasses become objects;
decoding is driven by the type hints, so it rejects data of the wrong shape with the path of
the offending field.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import types
import typing
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")


class DecodeError(ValueError):
    """Data does not match the dataclass it is decoded into."""


def to_data(value: Any) -> Any:
    """Convert a dataclass tree into JSON-ready lists, dicts and scalars."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {field.name: to_data(getattr(value, field.name)) for field in dataclasses.fields(value)}
    if isinstance(value, (tuple, list)):
        return [to_data(item) for item in value]
    if isinstance(value, dict):
        return {str(key): to_data(item) for key, item in value.items()}
    return value


def dumps(value: Any) -> str:
    """Canonical JSON text: sorted keys, no insignificant whitespace, UTF-8 kept as is."""
    return json.dumps(to_data(value), sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def content_hash(value: Any, length: int = 16) -> str:
    """A stable id for any dataclass tree or JSON-ready value: a prefix of the SHA-256 of its canonical JSON."""
    return hashlib.sha256(dumps(value).encode("utf-8")).hexdigest()[:length]


def from_data(cls: type[T], data: Any) -> T:
    """Build ``cls`` from what :func:`to_data` produced."""
    return _decode(cls, data, "$")


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _decode(tp: Any, data: Any, path: str) -> Any:
    origin = typing.get_origin(tp)
    if tp is Any:
        return data
    if dataclasses.is_dataclass(tp):
        if not isinstance(data, dict):
            raise DecodeError(f"{path}: expected an object for {tp.__name__}, got {type(data).__name__}")
        hints = _hints(tp)
        kwargs = {}
        for field in dataclasses.fields(tp):
            if field.name in data:
                kwargs[field.name] = _decode(hints[field.name], data[field.name], f"{path}.{field.name}")
            elif field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING:
                raise DecodeError(f"{path}: missing field {field.name!r} of {tp.__name__}")
        return tp(**kwargs)
    if origin in (typing.Union, types.UnionType):
        arms = typing.get_args(tp)
        if data is None and type(None) in arms:
            return None
        errors = []
        for arm in arms:
            if arm is type(None):
                continue
            try:
                return _decode(arm, data, path)
            except DecodeError as error:
                errors.append(str(error))
        raise DecodeError(f"{path}: matches no alternative of {tp}: {'; '.join(errors)}")
    if origin is typing.Literal:
        if data not in typing.get_args(tp):
            raise DecodeError(f"{path}: {data!r} is not one of {typing.get_args(tp)}")
        return data
    if origin is tuple:
        if not isinstance(data, list):
            raise DecodeError(f"{path}: expected a list, got {type(data).__name__}")
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], item, f"{path}[{i}]") for i, item in enumerate(data))
        if len(args) != len(data):
            raise DecodeError(f"{path}: expected {len(args)} items, got {len(data)}")
        return tuple(_decode(arg, item, f"{path}[{i}]") for i, (arg, item) in enumerate(zip(args, data)))
    if origin is dict:
        key_type, value_type = typing.get_args(tp)
        if not isinstance(data, dict):
            raise DecodeError(f"{path}: expected an object, got {type(data).__name__}")
        return {_decode(key_type, k, path): _decode(value_type, v, f"{path}.{k}") for k, v in data.items()}
    if tp is float and isinstance(data, int) and not isinstance(data, bool):
        return float(data)
    if isinstance(tp, type) and isinstance(data, tp) and not (tp is int and isinstance(data, bool)):
        return data
    raise DecodeError(f"{path}: expected {getattr(tp, '__name__', tp)}, got {type(data).__name__}")
