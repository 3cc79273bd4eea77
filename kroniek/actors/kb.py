"""The actor knowledge base: the YAML files under ``data/``, validated and loaded once.

Loading never raises on bad data: entries that fail the schema are dropped and the problems
are kept in ``KB.errors`` (``kroniek actors check`` prints them), so one typo in people.yaml
cannot stop a coding run.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

DATA = Path(__file__).resolve().parent / "data"
SCHEMA_DIR = DATA / "schema"
PEOPLE_FILE = DATA / "people.yaml"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser when libyaml is there


@dataclass(frozen=True)
class Role:
    role: str
    sector: str
    start: str | None
    end: str | None
    country: str | None = None
    org: str | None = None
    title: str | None = None

    @property
    def holder(self) -> str | None:
        return self.country or self.org


@dataclass
class Person:
    id: str
    name: str
    surname: str
    aliases: list[str]
    roles: list[Role]
    wikidata: str | None = None


@dataclass
class Country:
    id: str
    name: str
    wikidata: str | None
    names: dict[str, list[str]]
    adjectives: dict[str, list[str]]
    people: dict[str, list[str]]
    seats: dict[str, dict[str, list[str]]]  # sector -> lang -> metonyms ("GOV": {"nl": [Moskou]})


@dataclass
class Organization:
    id: str
    name: str
    sector: str
    wikidata: str | None
    names: dict[str, list[str]]
    metonyms: dict[str, list[str]]
    country: str | None = None
    parent: str | None = None


@dataclass
class Institution:
    """A national body known by its own name ("Bundestag", "CIA", "Gazprom")."""
    country: str
    sector: str
    names: dict[str, list[str]]


@dataclass
class KB:
    countries: dict[str, Country] = field(default_factory=dict)
    organizations: dict[str, Organization] = field(default_factory=dict)
    institutions: list[Institution] = field(default_factory=list)
    sectors: dict[str, str] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    people_file: str | None = None
    # (country or org, role) -> [(person, role)]: who can fill an office, for fast lookups
    offices: dict[tuple[str, str], list[tuple[Person, Role]]] = field(default_factory=dict)


@cache
def _registry() -> Registry:
    common = json.loads((SCHEMA_DIR / "common.schema.json").read_text("utf-8"))
    return Registry().with_resource("common.schema.json", Resource.from_contents(common))


@cache
def validator(name: str) -> Draft202012Validator:
    schema = json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text("utf-8"))
    return Draft202012Validator(schema, registry=_registry())


def validate(name: str, data: Any, file: str) -> tuple[list[Any], list[str]]:
    """``(entries that pass, error lines)``: one bad entry costs only itself."""
    errors: list[str] = []
    if not isinstance(data, list):
        return [], [f"{file}: error K402 invalid actor data: top level must be a list"]
    bad: set[int] = set()
    for err in validator(name).iter_errors(data):
        path = list(err.absolute_path)
        idx = path[0] if path and isinstance(path[0], int) else None
        if idx is not None:
            bad.add(idx)
            ident = data[idx].get("id") if isinstance(data[idx], dict) else None
            where = f"entry {idx}" + (f" ({ident})" if ident else "")
            sub = "/".join(str(p) for p in path[1:])
            errors.append(f"{file}: error K402 invalid actor data: {where}"
                          f"{' ' + sub if sub else ''}: {err.message}")
        else:
            errors.append(f"{file}: error K402 invalid actor data: {err.message}")
    return [e for i, e in enumerate(data) if i not in bad], errors


def _read(path: Path) -> tuple[Any, list[str]]:
    try:
        return yaml.load(path.read_text("utf-8"), Loader=_LOADER), []  # noqa: S506 (safe)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return None, [f"{path.name}: error K402 invalid actor data: {first}"]


def _role(r: dict[str, Any]) -> Role:
    return Role(role=r["role"], sector=r["sector"], start=r.get("start"), end=r.get("end"),
                country=r.get("country"), org=r.get("org"), title=r.get("title"))


def default_people_path() -> Path | None:
    return PEOPLE_FILE if PEOPLE_FILE.is_file() else None


@cache
def load(people_path: str | None = None) -> KB:
    """The knowledge base; ``people_path`` overrides people.yaml (tests use a sample)."""
    kb = KB()
    data, errs = _read(DATA / "sectors.yaml")
    kb.errors += errs
    entries, errs = validate("sectors", data, "sectors.yaml")
    kb.errors += errs
    kb.sectors = {e["id"]: e["name"] for e in entries}

    data, errs = _read(DATA / "countries.yaml")
    kb.errors += errs
    entries, errs = validate("countries", data, "countries.yaml")
    kb.errors += errs
    for e in entries:
        seats = {sector: e.get(key, {}) for sector, key in
                 (("GOV", "government"), ("MIL", "military"), ("LEG", "legislature"))}
        kb.countries[e["id"]] = Country(e["id"], e["name"], e.get("wikidata"), e["names"],
                                        e.get("adjectives", {}), e.get("people", {}), seats)

    data, errs = _read(DATA / "organizations.yaml")
    kb.errors += errs
    entries, errs = validate("organizations", data, "organizations.yaml")
    kb.errors += errs
    for e in entries:
        kb.organizations[e["id"]] = Organization(
            e["id"], e["name"], e["sector"], e.get("wikidata"), e["names"],
            e.get("metonyms", {}), e.get("country"), e.get("parent"))

    data, errs = _read(DATA / "institutions.yaml")
    kb.errors += errs
    entries, errs = validate("institutions", data, "institutions.yaml")
    kb.errors += errs
    kb.institutions = [Institution(e["country"], e["sector"], e["names"]) for e in entries]

    path = Path(people_path) if people_path else default_people_path()
    if path is not None:
        kb.people_file = str(path)
        data, errs = _read(path)
        kb.errors += errs
        if data is not None:
            entries, errs = validate("people", data, path.name)
            kb.errors += errs
            for e in entries:
                kb.people[e["id"]] = Person(e["id"], e["name"], e["surname"],
                                            list(e.get("aliases") or []),
                                            [_role(r) for r in e["roles"]], e.get("wikidata"))
    for person in kb.people.values():
        for r in person.roles:
            if r.holder:
                kb.offices.setdefault((r.holder, r.role), []).append((person, r))
    return kb
