"""The exporter hook and the plugin host: discovery, isolation, clashes, the environment variable."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import textwrap
import uuid
import warnings
from importlib.metadata import EntryPoint
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from vngovdirectives.errors import VnGovDirectivesError
from vngovdirectives.plugins import (
    ENV_LOAD_PLUGINS,
    Exporter,
    ExportError,
    PluginError,
    PluginWarning,
    UnknownFormatError,
    available_formats,
    export,
    get_exporter,
    get_plugin_manager,
    hookimpl,
    list_plugins,
)
from vngovdirectives.plugins import host as plugins
from vngovdirectives.testing import check_exporter, sample_items

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

BUILTIN = {"json", "jsonl", "csv", "markdown"} | {
    name for name, module in (("ics", "icalendar"), ("xlsx", "openpyxl")) if find_spec(module) is not None
}

GOOD_PLUGIN = """
from vngovdirectives.plugins import Exporter, hookimpl

def _write(items, stream):
    for item in items:
        stream.write(type(item).__name__.encode() + b"\\n")

@hookimpl
def register_exporters():
    return [Exporter(name="{fmt}", media_type="text/plain", suffix=".txt", write=_write, description="{fmt} lines")]
"""


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test starts from an unbuilt plugin manager that sees no installed third-party plugin."""
    monkeypatch.setattr(plugins, "_host", None)
    monkeypatch.delenv(ENV_LOAD_PLUGINS, raising=False)
    monkeypatch.setattr(plugins, "_entry_points", list)


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Callable[..., list[EntryPoint]]]:
    """Entry points made of modules written to ``tmp_path``.

    Call it as ``fresh(name=source, ...)``: each keyword becomes an entry point of that name.
    """
    monkeypatch.syspath_prepend(str(tmp_path))
    created: list[str] = []

    def install(**sources: str) -> list[EntryPoint]:
        eps = []
        for name, source in sources.items():
            module = f"fake_{name.replace('-', '_')}_{uuid.uuid4().hex[:8]}"
            (tmp_path / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
            created.append(module)
            eps.append(EntryPoint(name=name, value=module, group="vngovdirectives"))
        monkeypatch.setattr(plugins, "_entry_points", lambda: list(eps))
        return eps

    yield install
    for module in created:
        sys.modules.pop(module, None)


# --------------------------------------------------------------------------- built-ins


def test_builtin_formats_are_listed() -> None:
    assert set(available_formats()) == BUILTIN
    for name, exporter in available_formats().items():
        assert exporter.name == name
        assert exporter.description


def test_builtin_plugin_is_listed_with_version(fresh: Callable[..., list[EntryPoint]]) -> None:
    from importlib.metadata import version

    infos = list_plugins()
    assert [(i.name, i.builtin, i.version, set(i.formats)) for i in infos] == [
        ("vngovdirectives", True, version("vngovdirectives"), BUILTIN)
    ]


@pytest.mark.parametrize(("fmt", "module", "extra"), [("ics", "icalendar", "ics"), ("xlsx", "openpyxl", "xlsx")])
def test_format_without_its_extra_is_not_listed_and_says_how_to_install(
    fresh: Callable[..., list[EntryPoint]], monkeypatch: pytest.MonkeyPatch, fmt: str, module: str, extra: str
) -> None:
    from vngovdirectives.plugins import exporters

    real = exporters._installed
    monkeypatch.setattr(exporters, "_installed", lambda name: name != module and real(name))
    assert fmt not in available_formats()
    assert BUILTIN - {fmt} == set(available_formats())
    with pytest.raises(UnknownFormatError, match=rf'pip install "vngovdirectives\[{extra}\]"') as info:
        export(sample_items(), to=fmt)
    assert isinstance(info.value, LookupError)


@pytest.mark.parametrize(("fmt", "module"), [("ics", "icalendar"), ("xlsx", "openpyxl")])
def test_broken_optional_package_gives_export_error_naming_the_extra(
    monkeypatch: pytest.MonkeyPatch, fmt: str, module: str
) -> None:
    pytest.importorskip(module)
    exporter = get_exporter(fmt)
    monkeypatch.setitem(sys.modules, module, None)  # makes `import module` raise ImportError
    with pytest.raises(ExportError, match=rf'needs the {module} package.*pip install "vngovdirectives\[{fmt}\]"'):
        exporter.write(sample_items(), io.BytesIO())


def test_unknown_format_lists_the_available_ones_and_guesses() -> None:
    with pytest.raises(UnknownFormatError, match=r"unknown export format 'CSV'.*did you mean 'csv'") as info:
        export([], to="CSV")
    assert "jsonl" in str(info.value)
    with pytest.raises(UnknownFormatError, match=r"'nope'.*install the one that provides it"):
        get_exporter("nope")


def test_export_returns_bytes_or_writes_the_stream() -> None:
    data = export(sample_items(), to="jsonl")
    stream = io.BytesIO()
    assert export(sample_items(), to="jsonl", stream=stream) is None
    assert stream.getvalue() == data
    assert data.count(b"\n") == 3  # the bulletin, the document, the bare directive


def test_export_rejects_what_is_not_a_model() -> None:
    from vngovdirectives.errors import InputTypeError

    with pytest.raises(InputTypeError, match="cannot export a str"):
        export(["not a directive"], to="csv")  # type: ignore[list-item]


# --------------------------------------------------------------------------- Exporter


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "My Format", "name 'My Format' is invalid"),
        ("name", "1csv", "name '1csv' is invalid"),
        ("name", "", "name '' is invalid"),
        ("media_type", "csv", "media_type 'csv' is invalid"),
        ("suffix", "csv", "suffix 'csv' is invalid: it must be a file suffix starting with '.'"),
        ("write", "not callable", "write must be a callable"),
        ("description", None, "description must be a str"),
    ],
)
def test_exporter_validates_its_fields(field: str, value: object, message: str) -> None:
    fields: dict[str, object] = {
        "name": "ok-1",
        "media_type": "text/plain",
        "suffix": ".txt",
        "write": lambda items, stream: None,
        "description": "",
    }
    fields[field] = value
    with pytest.raises(PluginError, match=message):
        Exporter(**fields)  # type: ignore[arg-type]


def test_exporter_is_frozen() -> None:
    exporter = get_exporter("csv")
    with pytest.raises(AttributeError):
        exporter.name = "other"  # type: ignore[misc]


# --------------------------------------------------------------------------- the hook and loading


def test_hook_register_exporters_from_an_entry_point(fresh: Callable[..., list[EntryPoint]]) -> None:
    fresh(lines=GOOD_PLUGIN.format(fmt="lines"))
    assert set(available_formats()) == BUILTIN | {"lines"}
    assert export(sample_items(), to="lines") == b"Bulletin\nDocument\nDirective\n"
    info = {i.name: i for i in list_plugins()}["lines"]
    assert (info.builtin, info.formats, info.version) == (False, ("lines",), None)
    check_exporter("lines")


def test_hook_register_exporters_on_a_plugin_registered_in_a_test() -> None:
    class Plugin:
        __name__ = "test-plugin"

        @hookimpl
        def register_exporters(self) -> list[Exporter]:
            return [Exporter(name="count", media_type="text/plain", suffix=".txt", write=self.write)]

        @staticmethod
        def write(items: object, stream: io.BufferedIOBase) -> None:
            stream.write(str(len(list(items))).encode())  # type: ignore[call-overload]

    pm = get_plugin_manager()
    pm.register(Plugin(), name="test-plugin")
    try:
        assert export(sample_items(), to="count") == b"3"
    finally:
        pm.unregister(name="test-plugin")
    assert "count" not in available_formats()


def test_plugins_are_not_loaded_before_first_use(fresh: Callable[..., list[EntryPoint]]) -> None:
    calls: list[int] = []
    eps = fresh(lines=GOOD_PLUGIN.format(fmt="lines"))
    plugins._entry_points = lambda: calls.append(1) or eps  # type: ignore[assignment, func-returns-value]
    assert plugins._host is None
    assert calls == []
    available_formats()
    available_formats()
    assert calls == [1]  # discovered once, on first use


def test_broken_plugins_are_skipped_with_a_warning_and_the_rest_work(fresh: Callable[..., list[EntryPoint]]) -> None:
    fresh(
        crashes="raise RuntimeError('boom at import')\n",
        junk="""
            from vngovdirectives.plugins import hookimpl

            @hookimpl
            def register_exporters():
                return [{"name": "dict-format"}, "csv"]
        """,
        raiser="""
            from vngovdirectives.plugins import hookimpl

            @hookimpl
            def register_exporters():
                raise ValueError("cannot build")
        """,
        scalar="""
            from vngovdirectives.plugins import hookimpl

            @hookimpl
            def register_exporters():
                return "csv"
        """,
        typo="""
            from vngovdirectives.plugins import hookimpl

            @hookimpl
            def register_exporter():
                return []
        """,
        good=GOOD_PLUGIN.format(fmt="good"),
    )
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        formats = set(available_formats())
        assert export(sample_items(), to="good").startswith(b"Bulletin")
        for name in BUILTIN:
            assert export(sample_items(), to=name)
        names = {i.name for i in list_plugins()}
    assert {w.category for w in record} == {PluginWarning}
    messages = "\n".join(str(w.message) for w in record)
    assert formats == BUILTIN | {"good"}
    assert "plugin 'crashes'" in messages
    assert "failed to import (RuntimeError: boom at import)" in messages
    assert "plugin 'junk': register_exporters() returned a dict" in messages
    assert "plugin 'junk': register_exporters() returned a str" in messages
    assert "plugin 'raiser': register_exporters() raised ValueError: cannot build" in messages
    assert "plugin 'scalar': register_exporters() must return a list of Exporter objects, got str" in messages
    assert "plugin 'typo'" in messages
    assert "hooks are invalid" in messages
    assert "'good'" not in messages
    assert names == {"vngovdirectives", "junk", "raiser", "scalar", "good"}  # registered, even if useless


def test_two_plugins_claiming_one_format_fail_that_format_only(fresh: Callable[..., list[EntryPoint]]) -> None:
    fresh(
        first=GOOD_PLUGIN.format(fmt="dup"),
        second=GOOD_PLUGIN.format(fmt="dup"),
        third=GOOD_PLUGIN.format(fmt="csv"),
        fine=GOOD_PLUGIN.format(fmt="fine"),
    )
    with pytest.warns(PluginWarning) as record:
        formats = set(available_formats())
    assert formats == (BUILTIN - {"csv"}) | {"fine"}
    messages = "\n".join(str(w.message) for w in record)
    assert "format 'dup' is claimed by more than one plugin ('first' and 'second')" in messages
    assert "format 'csv' is claimed by more than one plugin ('third' and 'vngovdirectives')" in messages
    with pytest.raises(PluginError, match=r"'dup' is claimed by more than one plugin \('first' and 'second'\)"):
        export(sample_items(), to="dup")
    with pytest.raises(PluginError, match="'third' and 'vngovdirectives'"):
        export(sample_items(), to="csv")
    assert export(sample_items(), to="fine")
    assert export(sample_items(), to="json")


@pytest.mark.parametrize(
    ("env", "expected"),
    [(None, {"alpha", "beta"}), ("", set()), ("beta", {"beta"}), (" alpha , beta ", {"alpha", "beta"})],
)
def test_load_plugins_environment_variable(
    fresh: Callable[..., list[EntryPoint]], monkeypatch: pytest.MonkeyPatch, env: str | None, expected: set[str]
) -> None:
    fresh(alpha=GOOD_PLUGIN.format(fmt="alpha"), beta=GOOD_PLUGIN.format(fmt="beta"))
    if env is not None:
        monkeypatch.setenv(ENV_LOAD_PLUGINS, env)
    assert set(available_formats()) == BUILTIN | expected
    assert {i.name for i in list_plugins() if not i.builtin} == expected


def test_load_plugins_environment_variable_warns_about_unknown_names(
    fresh: Callable[..., list[EntryPoint]], monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh(alpha=GOOD_PLUGIN.format(fmt="alpha"))
    monkeypatch.setenv(ENV_LOAD_PLUGINS, "alpha,missing")
    with pytest.warns(PluginWarning, match=f"{ENV_LOAD_PLUGINS} names 'missing'"):
        assert set(available_formats()) == BUILTIN | {"alpha"}
    with pytest.raises(UnknownFormatError, match=f"{ENV_LOAD_PLUGINS} is set"):
        get_exporter("beta")


def test_duplicate_entry_point_names_keep_the_first(fresh: Callable[..., list[EntryPoint]]) -> None:
    eps = fresh(same=GOOD_PLUGIN.format(fmt="one"))
    eps2 = fresh(same=GOOD_PLUGIN.format(fmt="two"))
    plugins._entry_points = lambda: [*eps, *eps2]  # type: ignore[assignment]
    with pytest.warns(PluginWarning, match="already registered under the name 'same'"):
        assert set(available_formats()) == BUILTIN | {"one"}


def test_import_loads_no_plugin_and_no_optional_package() -> None:
    code = (
        "import sys, vngovdirectives, vngovdirectives.plugins.host as p; "
        "print(p._host is None, sorted(m for m in ('icalendar', 'openpyxl', 'vngovdirectives.plugins.exporters', "
        "'vngovdirectives_sqlite') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "True []"


# --------------------------------------------------------------------------- conformance helper


def test_check_exporter_accepts_every_builtin() -> None:
    for name in available_formats():
        assert check_exporter(name)
        assert check_exporter(get_exporter(name))


def test_check_exporter_reports_what_to_fix() -> None:
    def nothing(items: object, stream: object) -> None:
        return None

    def seeks(items: object, stream: io.BufferedIOBase) -> None:
        stream.write(b"x")
        stream.seek(0)

    def not_utf8(items: object, stream: io.BufferedIOBase) -> None:
        stream.write("Sở".encode("utf-16"))

    def make(write: object, media_type: str = "text/plain") -> Exporter:
        return Exporter(name="bad", media_type=media_type, suffix=".bad", write=write)  # type: ignore[arg-type]

    with pytest.raises(AssertionError, match="exporter 'bad': write\\(\\) wrote nothing"):
        check_exporter(make(nothing))
    with pytest.raises(AssertionError, match="non-seekable stream"):
        check_exporter(make(seeks, "application/octet-stream"))
    with pytest.raises(AssertionError, match="not UTF-8"):
        check_exporter(make(not_utf8))
    with pytest.raises(AssertionError, match="exporter 'nope': not available"):
        check_exporter("nope")


# --------------------------------------------------------------------------- CLI pieces


def _run_cli(*argv: str, capsys: pytest.CaptureFixture[str]) -> str:
    import argparse

    from vngovdirectives.cli.formats import add_parsers

    parser = argparse.ArgumentParser()
    add_parsers(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    assert args.func(args) == 0
    return capsys.readouterr().out


def test_cli_formats_lists_name_then_description(capsys: pytest.CaptureFixture[str]) -> None:
    lines = _run_cli("formats", capsys=capsys).splitlines()
    assert [line.split()[0] for line in lines] == sorted(BUILTIN)
    csv_line = next(line for line in lines if line.startswith("csv "))
    assert "one row per task deadline" in csv_line


def test_cli_plugins_prints_json(fresh: Callable[..., list[EntryPoint]], capsys: pytest.CaptureFixture[str]) -> None:
    fresh(lines=GOOD_PLUGIN.format(fmt="lines"))
    records = json.loads(_run_cli("plugins", capsys=capsys))
    assert records[0]["name"] == "vngovdirectives"
    assert records[0]["builtin"] is True
    assert {"name": "lines", "version": None, "formats": ["lines"], "builtin": False, "package": None} in records


def test_write_export_to_a_file_is_atomic(tmp_path: Path) -> None:
    from vngovdirectives.cli.output import write_export

    target = tmp_path / "out.csv"
    write_export(sample_items(), "csv", target)
    assert target.read_bytes() == export(sample_items(), to="csv")
    target.write_bytes(b"previous")
    with pytest.raises(VnGovDirectivesError):
        write_export(["junk"], "csv", target)  # type: ignore[list-item]
    assert target.read_bytes() == b"previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]
    with pytest.raises(UnknownFormatError):
        write_export(sample_items(), "nope", target)


def test_write_export_to_stdout(capfdbinary: pytest.CaptureFixture[bytes]) -> None:
    from vngovdirectives.cli.output import write_export

    write_export(sample_items(), "jsonl", None)
    assert capfdbinary.readouterr().out == export(sample_items(), to="jsonl")


# --------------------------------------------------------------------------- docs


def test_hook_is_documented() -> None:
    docs = (Path(__file__).parents[1] / "docs" / "plugins.md").read_text(encoding="utf-8")
    from vngovdirectives.plugins import hookspecs

    for name in ("register_exporters",):
        assert callable(getattr(hookspecs, name))
        assert f"{name}()" in docs
    assert ENV_LOAD_PLUGINS in docs
    assert "check_exporter" in docs
    assert "[project.entry-points.vngovdirectives]" in docs
