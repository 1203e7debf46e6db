"""Sphinx configuration for the vngovdirectives documentation."""

from __future__ import annotations

project = "vngovdirectives"
author = "vngovdirectives contributors"
copyright = "2026, vngovdirectives contributors"
extensions = ["myst_parser", "sphinx.ext.autodoc", "sphinx.ext.napoleon"]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence"]
autodoc_member_order = "bysource"
autodoc_typehints = "description"
html_theme = "alabaster"
language = "en"
