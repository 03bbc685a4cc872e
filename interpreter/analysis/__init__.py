"""Static analysis for the language server: bindings, name resolution and diagnostics."""

from __future__ import annotations

from .findings import Finding
from .module import ModuleAnalysis, analyse_module

__all__ = ['Finding', 'ModuleAnalysis', 'analyse_module']
