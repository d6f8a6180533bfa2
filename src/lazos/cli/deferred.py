"""Typer's parameter checking, built only for values that need it.

Why: Typer 0.29 checks each parameter value with a Pydantic ``TypeAdapter`` that it builds
the first time the parameter is parsed, even for an option left out and for ``--help``;
importing Pydantic and building adapters costs about 0.1 s per start. For the values most
commands get, the result is known without it: a value left out (Typer returns it before
checking), a string for a ``str`` parameter, an int or plain ASCII digits for an ``int``
without bounds. :class:`DeferredCoercion` returns those directly and hands every other
value to Typer's own adapter, so results and error messages stay Typer's.

This uses Typer internals (``typer._coercion``, ``_TyperParameter.get_runtime_param``);
typer is pinned in pyproject.toml. If they change, :func:`install` does nothing (start-up
is slower, behaviour the same) and tests/core/test_startup.py fails to say so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

_PLAIN_INT = re.compile(r"[0-9]{1,18}")


def install() -> bool:
    """Make Typer build its value checks only when needed; False if Typer's internals changed."""
    try:
        from typer._coercion import RuntimeParam, TypeDescriptor, build_runtime_param
        from typer.core import _TyperParameter
    except ImportError:
        return False
    if not hasattr(_TyperParameter, "get_runtime_param"):
        return False

    @dataclass(frozen=True)
    class DeferredCoercion(RuntimeParam):
        """Typer's coercion for one parameter, built on the first value that needs it."""

        descriptor: TypeDescriptor

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            info = self.parameter_info
            if info.parser is None and self.descriptor.file_annotation is None:
                if self.annotation is str and isinstance(value, str):
                    return value
                if self.annotation is int and info.min is None and info.max is None:
                    if type(value) is int:
                        return value
                    if isinstance(value, str) and _PLAIN_INT.fullmatch(value):
                        return int(value)  # an id such as "42", as the adapter parses it
            typer_own = build_runtime_param(self.descriptor)
            param._runtime_param = typer_own
            return typer_own._coerce_value(value, param=param, ctx=ctx)

    def get_runtime_param(self: Any) -> RuntimeParam:
        if self._runtime_param is None:
            desc = self.type_descriptor
            self._runtime_param = DeferredCoercion(
                parameter_info=desc.parameter_info, annotation=desc.annotation, descriptor=desc)
        runtime: RuntimeParam = self._runtime_param
        return runtime

    # Typer asks here at parse time for every parameter, the --help option included.
    _TyperParameter.get_runtime_param = get_runtime_param  # type: ignore[method-assign]
    return True
