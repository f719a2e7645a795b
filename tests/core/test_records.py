"""quick_init: a frozen dataclass's __init__ that stores its fields directly."""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import pkgutil
from dataclasses import InitVar, dataclass, field

import pytest

import taiyaku
from taiyaku.model.records import quick_init


@quick_init
@dataclass(frozen=True)
class Record:
    name: str
    line: int = 1
    tags: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Plain:
    name: str
    line: int = 1
    tags: list[str] = field(default_factory=list)


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [(("a",), {}), (("a", 3), {}), (("a",), {"tags": ["x"]}), ((), {"line": 2, "name": "b"})],
)
def test_the_same_instance_as_the_dataclass_makes(args: tuple, kwargs: dict) -> None:
    made = Record(*args, **kwargs)
    plain = Plain(*args, **kwargs)
    assert dataclasses.astuple(made) == dataclasses.astuple(plain)
    assert made == Record(*args, **kwargs) and hash(made.name) == hash(plain.name)
    assert repr(made).removeprefix("Record") == repr(plain).removeprefix("Plain")


def test_still_frozen_and_factories_still_fresh() -> None:
    made = Record("a")
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.name = "b"  # type: ignore[misc]
    assert Record("a").tags is not Record("a").tags
    assert dataclasses.replace(made, line=5) == Record("a", 5)


def test_wrong_arguments_fail_as_before() -> None:
    with pytest.raises(TypeError):
        Record()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Record("a", 1, [], "extra")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Record("a", name="b")  # type: ignore[misc]


def _kw_only() -> type:
    @dataclass(frozen=True, kw_only=True)
    class KwOnly:
        name: str

    return KwOnly


def _init_var() -> type:
    @dataclass(frozen=True)
    class WithInitVar:
        name: str
        extra: InitVar[int] = 0

    return WithInitVar


def _not_in_init() -> type:
    @dataclass(frozen=True)
    class NotInInit:
        name: str
        seen: int = field(default=0, init=False)

    return NotInInit


def _post_init() -> type:
    @dataclass(frozen=True)
    class PostInit:
        name: str

        def __post_init__(self) -> None:
            pass

    return PostInit


def _not_frozen() -> type:
    @dataclass
    class Mutable:
        name: str

    return Mutable


def _slots() -> type:
    @dataclass(frozen=True, slots=True)
    class Slotted:
        name: str

    return Slotted


@pytest.mark.parametrize(
    "make", [_kw_only, _init_var, _not_in_init, _post_init, _not_frozen, _slots]
)
def test_what_it_cannot_copy_is_refused_when_the_class_is_made(make) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(TypeError, match="quick_init"):
        quick_init(make())


def _quick_classes() -> list[type]:
    found: dict[str, type] = {}
    for info in pkgutil.walk_packages(taiyaku.__path__, "taiyaku."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if isinstance(value, type) and "__dataclass_init__" in vars(value):
                found[f"{value.__module__}.{value.__qualname__}"] = value
    return [found[name] for name in sorted(found)]


@pytest.mark.parametrize("cls", _quick_classes(), ids=lambda cls: cls.__qualname__)
def test_every_quick_class_takes_what_its_dataclass_init_took(cls: type) -> None:
    ours = list(inspect.signature(cls.__init__).parameters.values())[1:]
    theirs = list(inspect.signature(cls.__dataclass_init__).parameters.values())[1:]  # type: ignore[attr-defined]
    assert [(p.name, p.kind) for p in ours] == [(p.name, p.kind) for p in theirs]
    for mine, original in zip(ours, theirs, strict=True):
        if original.default is dataclasses.MISSING or repr(original.default).startswith("<factory"):
            continue
        assert mine.default is original.default or mine.default == original.default
    assert len(ours) == len(dataclasses.fields(cls))


def test_the_classes_a_run_makes_most_use_it() -> None:
    names = {cls.__qualname__ for cls in _quick_classes()}
    assert {"Finding", "Link", "Href", "Target", "Anchor", "AlignedSection"} <= names


def test_cached_property_computes_once_per_instance_and_keeps_the_value() -> None:
    from taiyaku.model.records import cached_property

    calls: list[int] = []

    class Page:
        def __init__(self, size: int) -> None:
            self.size = size

        @cached_property
        def double(self) -> int:
            """Twice the size."""
            calls.append(self.size)
            return self.size * 2

    first, second = Page(1), Page(2)
    assert (first.double, first.double, second.double) == (2, 2, 4)
    assert calls == [1, 2]
    assert vars(first)["double"] == 2  # an ordinary attribute from now on
    del first.double
    assert first.double == 2 and calls == [1, 2, 1]  # deleted: computed again
    assert isinstance(Page.double, cached_property) and Page.double.__doc__ == "Twice the size."


def test_cached_property_refuses_two_names() -> None:
    from taiyaku.model.records import cached_property

    shared = cached_property(lambda self: 1)
    with pytest.raises((TypeError, RuntimeError)):  # (RuntimeError wraps it before 3.12)

        class Twice:
            a = shared
            b = shared
