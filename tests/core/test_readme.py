"""The README's commands are real: every `manage.py <command>` it shows is a management command
of the project, with the options it shows, and every `make <target>` is a target of the
Makefile. It opens with its two commands, `make run` and `make test`."""

import re
import shlex
from pathlib import Path

import pytest
from django.core.management import get_commands, load_command_class

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text()
MAKEFILE = (ROOT / "Makefile").read_text()

FENCE = re.compile(r"^```[^\n]*\n(.*?)^```", re.DOTALL | re.MULTILINE)
INLINE = re.compile(r"`([^`\n]+)`")
MANAGE = re.compile(r"\bmanage\.py\s+([A-Za-z_][\w-]*)(.*)")
MAKE = re.compile(r"(?:^|[\s;&|(])make\s+([A-Za-z][\w-]*)")
# A Makefile rule: its targets before a single colon (not `:=`), at the start of a line.
RULE = re.compile(r"^([A-Za-z][\w-]*(?:[ \t]+[A-Za-z][\w-]*)*)[ \t]*:(?!=)", re.MULTILINE)
# Where the arguments of one command end in a shell line.
COMMAND_END = re.compile(r"\s(?:#|&&|\|\||;|\|)\s?|[;)]\s*$")


def code_lines():
    """Each line of the README's code: fenced blocks, then inline code spans."""
    for block in FENCE.findall(README):
        yield from block.splitlines()
    prose = FENCE.sub("", README)
    yield from INLINE.findall(prose)


def manage_mentions():
    """(command, options) for each `manage.py <command> ...` in the README's code."""
    for line in code_lines():
        for match in MANAGE.finditer(line):
            arguments = COMMAND_END.split(match[2], maxsplit=1)[0]
            try:
                words = shlex.split(arguments)
            except ValueError:
                words = arguments.split()
            options = [word.split("=", 1)[0] for word in words if word.startswith("--")]
            yield match[1], options


def make_targets_mentioned():
    return {match for line in code_lines() for match in MAKE.findall(line)}


def makefile_targets():
    return {target for rule in RULE.findall(MAKEFILE) for target in rule.split()}


def test_the_readme_opens_with_its_two_commands():
    first_block = FENCE.search(README)[1]
    commands = [line.split("#", 1)[0].strip() for line in first_block.splitlines()]
    assert commands == ["make run", "make test"]
    assert README.index("```") < README.index("\n## ")


def test_the_readme_names_management_commands():
    # The parsing finds what the README shows (a guard against a regex that finds nothing).
    names = {name for name, _options in manage_mentions()}
    assert {"run_sites", "sync_programs", "makemessages"} <= names


@pytest.mark.parametrize(
    "name, options",
    sorted({(name, tuple(options)) for name, options in manage_mentions()}),
    ids=lambda value: " ".join(value) if isinstance(value, tuple) else value,
)
def test_each_management_command_in_the_readme_exists(name, options):
    commands = get_commands()
    assert name in commands, f"README mentions manage.py {name}, which is no command"
    parser = load_command_class(commands[name], name).create_parser("manage.py", name)
    known = set(parser._option_string_actions)
    unknown = [option for option in options if option not in known]
    assert not unknown, f"manage.py {name} has no option {', '.join(unknown)}"


def test_each_make_target_in_the_readme_exists():
    mentioned = make_targets_mentioned()
    assert {"run", "test"} <= mentioned
    missing = sorted(mentioned - makefile_targets())
    assert not missing, f"README mentions make targets the Makefile lacks: {missing}"
