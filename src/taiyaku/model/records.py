"""Records and attributes made cheaply: frozen dataclasses at the cost of plain ones,
and computed attributes without a lock.

A check makes some twelve thousand small immutable records a run (links, anchors, URL
candidates, aligned sections, findings).  ``dataclass(frozen=True)`` writes each field
of a new instance through ``object.__setattr__``, to get past the class's own
``__setattr__``, which refuses; that is twice the cost of the dictionary stores a plain
dataclass makes.  :func:`quick_init` gives a frozen dataclass an ``__init__`` that fills
the new instance's ``__dict__`` directly: the same parameters, defaults and result, and
the instance stays as frozen as before (assigning to a field still raises).

:class:`cached_property` is ``functools.cached_property`` as Python 3.12 has it: Python
3.11's takes a lock shared by every instance of the class on each first access, which
doubles its cost, and a run reads some ten thousand such attributes for the first time
(each inline region's link targets, each block's position).
"""

from __future__ import annotations

import dataclasses
import inspect
from collections.abc import Callable
from typing import Any, Generic, TypeVar, overload

__all__ = ["cached_property", "quick_init"]

T = TypeVar("T")
V = TypeVar("V")


class cached_property(Generic[V]):  # (functools.cached_property's name)
    """A method computed on first access and kept in the instance's ``__dict__`` (so
    the next access is an ordinary attribute read), without Python 3.11's lock."""

    def __init__(self, func: Callable[[Any], V]) -> None:
        self.func = func
        self.attrname: str | None = None
        self.__doc__ = func.__doc__
        self.__module__ = func.__module__

    def __set_name__(self, owner: type, name: str) -> None:
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError(
                "Cannot assign the same cached_property to two different names "
                f"({self.attrname!r} and {name!r})."
            )

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> cached_property[V]: ...
    @overload
    def __get__(self, instance: object, owner: type | None = None) -> V: ...
    def __get__(self, instance: object | None, owner: type | None = None) -> Any:
        if instance is None:
            return self
        if self.attrname is None:
            raise TypeError(
                "Cannot use cached_property instance without calling __set_name__ on it."
            )
        value = instance.__dict__[self.attrname] = self.func(instance)
        return value


def quick_init(cls: type[T]) -> type[T]:
    """Replace the ``__init__`` of the frozen dataclass ``cls`` (see the module).

    For classes whose ``__init__`` takes each field, in order, by position or keyword,
    with no ``__post_init__``, ``InitVar``, keyword-only or ``init=False`` field, and no
    ``__slots__``; anything else is a TypeError when the class is defined, not a
    difference found later.  The dataclass's own ``__init__`` stays at hand as
    ``cls.__dataclass_init__`` (the tests compare the two).
    """
    params = getattr(cls, "__dataclass_params__", None)
    if params is None or not params.frozen:
        raise TypeError(f"{cls.__name__}: quick_init is for frozen dataclasses")
    if hasattr(cls, "__post_init__") or "__slots__" in vars(cls):
        raise TypeError(f"{cls.__name__}: quick_init does not support __post_init__ or slots")
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    taken = list(inspect.signature(cls.__init__).parameters.values())[1:]
    if [p.name for p in taken] != [f.name for f in fields] or any(
        p.kind is not inspect.Parameter.POSITIONAL_OR_KEYWORD or p.name.startswith("__")
        for p in taken
    ):
        raise TypeError(f"{cls.__name__}: quick_init needs an __init__ that takes each field")
    names: dict[str, Any] = {"__missing": dataclasses.MISSING}
    arguments: list[str] = []
    stores: list[str] = []
    for field in fields:
        name = value = field.name
        if field.default is not dataclasses.MISSING:
            names[f"__default_{name}"] = field.default
            arguments.append(f"{name}=__default_{name}")
        elif field.default_factory is not dataclasses.MISSING:
            names[f"__factory_{name}"] = field.default_factory
            arguments.append(f"{name}=__missing")
            value = f"__factory_{name}() if {name} is __missing else {name}"
        else:
            arguments.append(name)
        stores.append(f"    __fields[{name!r}] = {value}\n")
    source = (  # (no field name starts with "__": checked above)
        f"def __init__(__self, {', '.join(arguments)}):\n    __fields = __self.__dict__\n"
    )
    exec(source + "".join(stores), names)  # (as dataclasses itself makes __init__)
    init = names["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    cls.__dataclass_init__ = cls.__init__  # type: ignore[attr-defined]
    cls.__init__ = init  # type: ignore[misc]
    return cls
