"""The benchmarks import what they measure: a rename in the product must not leave them broken
until the next time someone runs `make benchmarks`."""

import importlib
import pkgutil

import pytest

import benchmarks


@pytest.mark.parametrize(
    "name", [module.name for module in pkgutil.iter_modules(benchmarks.__path__)]
)
def test_every_benchmark_module_imports(name):
    importlib.import_module(f"benchmarks.{name}")
