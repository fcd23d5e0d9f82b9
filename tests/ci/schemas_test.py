#!/usr/bin/env python3
"""docs/schemas: the JSON Schemas of steward.yaml and of the JSON report validate what they
describe and reject a misspelt key.

steward.yaml: every fixtures/**/steward.yaml, every steward.yaml example in docs/*.md and
README.md (```yaml blocks with steward.yaml's keys and no `kind:`), and the one `steward init`
writes (which names the schema in its yaml-language-server modeline). Reports: every golden JSON
report (tests/golden/expected/*.json but the models), and a report with a suppressed finding made
here. Then misspelt keys (`pakcs`, a waiver's `approvd_by`, `findngs`, a finding's `fingerprnt`)
must be rejected. YAML is read as the YAML language server reads it: dates stay strings.
"""

import glob
import json
import os
import re
import shutil

from ci_common import SKIP, Checks, arguments, clean_env, init_repo, run, temp_dir

CONFIG_KEYS = {"paths", "exclude", "packs", "severity", "fail_on", "waivers", "docs_url",
               "traffic"}


def yaml_loader():
    import yaml

    class TextDates(yaml.SafeLoader):
        pass

    # YAML 1.2 (editors) has no timestamps: `expires: 2026-12-31` is a string.
    TextDates.yaml_implicit_resolvers = {
        key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for key, resolvers in TextDates.yaml_implicit_resolvers.items()}
    return lambda text: yaml.load(text, Loader=TextDates)


def doc_examples(source):
    """(where, text) of the ```yaml blocks of the docs that are steward.yaml files."""
    files = sorted(glob.glob(os.path.join(source, "docs", "*.md"))) + [
        os.path.join(source, "README.md")]
    for path in files:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        for match in re.finditer(r"```yaml\n(.*?)```", text, re.S):
            block = match.group(1)
            keys = set(re.findall(r"^([A-Za-z_][\w-]*):", block, re.M))
            if keys and keys <= CONFIG_KEYS | {k for k in keys if k.startswith("x-")} \
                    and "kind" not in keys:
                line = text[:match.start()].count("\n") + 2
                yield f"{os.path.relpath(path, source)}:{line}", block


def main():
    args = arguments(__doc__)
    try:
        import jsonschema
        load_yaml = yaml_loader()
    except ImportError:
        print("SKIP: python3-jsonschema and python3-yaml are needed")
        raise SystemExit(SKIP)
    checks = Checks()
    schemas = {}
    for name in ("steward", "report"):
        path = os.path.join(args.source, "docs", "schemas", f"{name}.schema.json")
        with open(path, encoding="utf-8") as f:
            schema = json.load(f)
        jsonschema.Draft202012Validator.check_schema(schema)
        checks.check(schema.get("$id", "").endswith(f"/docs/schemas/{name}.schema.json"),
                     f"{name}.schema.json is a valid 2020-12 schema with its $id", schema.get("$id"))
        schemas[name] = jsonschema.Draft202012Validator(schema)

    def problems(name, instance):
        return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
                for e in schemas[name].iter_errors(instance)]

    # steward.yaml: the fixtures, the docs, steward init.
    examples = [(os.path.relpath(p, args.source), open(p, encoding="utf-8").read()) for p in
                sorted(glob.glob(os.path.join(args.source, "fixtures", "**", "steward.yaml"),
                                 recursive=True))]
    documented = list(doc_examples(args.source))
    checks.check(len(documented) >= 1, "the docs hold steward.yaml examples", len(documented))
    work = temp_dir(args.work, "schemas")
    init = run([args.steward, "init", "-C", os.path.join(work, "init")])
    init_yaml = os.path.join(work, "init", "steward.yaml")
    if checks.check(init.returncode == 0 and os.path.exists(init_yaml), "steward init ran",
                    init.stdout + init.stderr):
        text = open(init_yaml, encoding="utf-8").read()
        checks.check(re.match(r"# yaml-language-server: \$schema=https://\S+/docs/schemas/"
                              r"steward\.schema\.json\n", text) is not None,
                     "steward init writes the yaml-language-server modeline first", text[:200])
        examples.append(("steward init's steward.yaml", text))
    for where, text in examples + documented:
        found = problems("steward", load_yaml(text))
        checks.check(not found, f"steward.schema.json accepts {where}", "\n".join(found))

    # Reports: the golden ones, and one with a suppressed finding.
    reports = sorted(p for p in glob.glob(os.path.join(args.source, "tests", "golden", "expected",
                                                       "*.json"))
                     if not p.endswith(".model.json"))
    checks.check(len(reports) >= 10, "the golden JSON reports are found", len(reports))
    for path in reports:
        with open(path, encoding="utf-8") as f:
            found = problems("report", json.load(f))
        checks.check(not found, f"report.schema.json accepts {os.path.relpath(path, args.source)}",
                     "\n".join(found))
    # The shop with one event's description removed: governance.description-required, a pack
    # rule (problems in the files themselves, schema.*, cannot be suppressed), then suppressed.
    shop = os.path.join(work, "shop")
    shutil.copytree(os.path.join(args.source, "fixtures", "shop"), shop)
    init_repo(shop)  # report paths are relative to the repository: this one, not the build's
    event = os.path.join(shop, "tracking-plan", "account", "account.yaml")
    with open(event, encoding="utf-8") as f:
        text = f.read()
    with open(event, "w", encoding="utf-8") as f:
        f.write(re.sub(r"^description:.*\n", "", text, count=1, flags=re.M))
    command = [args.steward, "check", "--no-base", "-C", shop, "--format", "json"]
    first = json.loads(run(command, env=clean_env()).stdout)["findings"][0]
    path = os.path.join(shop, first["file"])
    lines = open(path, encoding="utf-8").read().split("\n")
    lines[first["line"] - 1] += f"  # steward:ignore {first['rule']} -- kept for the schema test"
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    suppressed = json.loads(run(command, env=clean_env()).stdout)
    found = problems("report", suppressed)
    checks.check(suppressed["suppressed"] and not found,
                 "report.schema.json accepts a report with a suppressed finding",
                 "\n".join(found) or suppressed)

    # Misspelt keys are rejected.
    config = load_yaml(examples[0][1])
    checks.check(problems("steward", dict(config, pakcs=["stdlib:pii"])),
                 "steward.schema.json rejects a misspelt key (pakcs)")
    waiver = {"rule": "a.b", "reason": "r", "approvd_by": "team-data"}
    checks.check(problems("steward", {"waivers": [waiver]}),
                 "steward.schema.json rejects a waiver's misspelt key (approvd_by)")
    checks.check(problems("steward", {"docs_url": "docs/{rule}.md"}),
                 "steward.schema.json rejects a relative docs_url")
    report = json.loads(open(reports[0], encoding="utf-8").read())
    misspelt = dict(report, findngs=report.pop("findings"))
    checks.check(problems("report", misspelt), "report.schema.json rejects a misspelt key (findngs)")
    report = suppressed
    finding = dict(report["suppressed"][0])
    finding["fingerprnt"] = finding.pop("fingerprint")
    checks.check(problems("report", dict(report, findings=[finding])),
                 "report.schema.json rejects a finding's misspelt key (fingerprnt)")
    checks.finish()


if __name__ == "__main__":
    main()
