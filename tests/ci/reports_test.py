#!/usr/bin/env python3
"""The reports the CI templates hand to GitHub and GitLab, on every broken fixture and the shop.

`steward check --format gitlab=... --format junit=... --format sarif=...` in one run, then:
  - SARIF against the official SARIF 2.1.0 schema, plus what GitHub code scanning wants beyond it
    (per rule shortDescription, fullDescription and help text; per result a location and
    partialFingerprints.primaryLocationLineHash);
  - Code Quality against GitLab's schema, plus a unique fingerprint per issue (GitLab merges issues
    with one fingerprint) and the severities GitLab shows;
  - JUnit well-formed (xmllint when installed, else Python's XML parser), with one failure per
    finding;
  - the three agree on the number of findings, and the exit code is 1 with findings, 0 without.
Then hostile input from the repository, in every format (docs/report-formats.md, Escaping):
  - a `kind:` value with newlines and `::error`/`::add-mask::`/`::stop-commands::`, an ANSI escape
    and a bidi override: no line of any report is a workflow command steward did not mean, and no
    raw control character is in any report;
  - property names `<img src=...>` and `[click](url)`, a file name with a backtick: literal text
    in the Markdown comment (findings and change summary);
  - files `per%cent.yaml`, `sp ace.yaml`, `https:x.yaml`: SARIF URIs decode to the paths, with
    no scheme;
  - a report that cannot be written (`json=/dev/full`, standard output on /dev/full): exit 2,
    naming the file.
The schemas are read from SOURCE/../shared/schemas; without that folder the schema part is skipped
(said on the output), the other checks still run.
"""

import json
import os
import re
import shutil
import subprocess
import urllib.parse
import xml.etree.ElementTree as ElementTree

from ci_common import Checks, arguments, commit_all, copy_tree, init_repo, run, temp_dir

GITLAB_SEVERITIES = {"info", "minor", "major", "critical", "blocker"}


def load_validator(path):
    try:
        import jsonschema
    except ImportError:
        return None
    with open(path, encoding="utf-8") as f:
        schema = json.load(f)
    return jsonschema.validators.validator_for(schema)(schema)


def schema_errors(validator, document):
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in validator.iter_errors(document)][:5]


def sarif_urls(node):
    """Every helpUri, informationUri and uri value in a SARIF document."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("helpUri", "informationUri", "uri") and isinstance(value, str):
                yield value
            else:
                yield from sarif_urls(value)
    elif isinstance(node, list):
        for item in node:
            yield from sarif_urls(item)


def main():
    args = arguments(__doc__)
    checks = Checks()
    schemas = os.path.normpath(os.path.join(args.source, "..", "shared", "schemas"))
    sarif_schema = gitlab_schema = None
    if not os.path.isdir(schemas):
        print(f"SKIP (part): {schemas} is absent, so the reports are not validated against the schemas")
    else:
        sarif_schema = load_validator(os.path.join(schemas, "sarif-2.1.0.json"))
        gitlab_schema = load_validator(os.path.join(schemas, "gitlab-codequality.json"))
        if sarif_schema is None:
            print("SKIP (part): python3-jsonschema is not installed, no schema validation")
    xmllint = shutil.which("xmllint")
    root = temp_dir(args.work, "reports")

    fixtures = os.path.join(args.source, "fixtures")
    cases = [("shop", os.path.join(fixtures, "shop"))]
    broken = os.path.join(fixtures, "broken")
    cases += [(name, os.path.join(broken, name)) for name in sorted(os.listdir(broken))
              if os.path.isdir(os.path.join(broken, name))]

    for name, fixture in cases:
        repo = os.path.join(root, name)
        copy_tree(fixture, repo)
        out = {f: os.path.join(root, f"{name}.{f}") for f in ("gitlab", "junit", "sarif")}
        result = run([args.steward, "check", "-C", repo, "--no-base",
                      "--format", f"gitlab={out['gitlab']}", "--format", f"junit={out['junit']}",
                      "--format", f"sarif={out['sarif']}"])
        if not checks.check(result.returncode in (0, 1) and all(os.path.exists(p) for p in out.values()),
                            f"{name}: steward wrote the three reports (exit {result.returncode})",
                            result.stdout + result.stderr):
            continue
        with open(out["sarif"], encoding="utf-8") as f:
            sarif = json.load(f)
        with open(out["gitlab"], encoding="utf-8") as f:
            quality = json.load(f)

        if sarif_schema is not None:
            errors = schema_errors(sarif_schema, sarif)
            checks.check(not errors, f"{name}: SARIF is valid SARIF 2.1.0", "\n".join(errors))
        if gitlab_schema is not None:
            errors = schema_errors(gitlab_schema, quality)
            checks.check(not errors, f"{name}: Code Quality is valid for GitLab", "\n".join(errors))

        run_ = sarif["runs"][0]
        rules = run_["tool"]["driver"].get("rules", [])
        results = run_.get("results", [])
        checks.check(all(r.get("shortDescription", {}).get("text") and r.get("fullDescription", {}).get("text")
                         and r.get("help", {}).get("text") for r in rules),
                     f"{name}: SARIF rules have short, full and help texts (code scanning)")
        checks.check(all(r.get("partialFingerprints", {}).get("primaryLocationLineHash")
                         and r.get("locations") for r in results),
                     f"{name}: SARIF results have a location and primaryLocationLineHash")
        rule_ids = {r["id"] for r in rules}
        checks.check(rules and all(r.get("helpUri", "").startswith("https://") for r in rules),
                     f"{name}: every SARIF rule links its documentation (helpUri)")
        urls = [u for u in sarif_urls(sarif) if ":" in u.split("/", 1)[0]]
        checks.check(all(re.match(r"^https?://[^/\s]+/", u) for u in urls),
                     f"{name}: every URL in the SARIF report is absolute ({len(urls)} URLs)",
                     "\n".join(u for u in urls if not re.match(r"^https?://[^/\s]+/", u)))
        checks.check(all(r.get("ruleId") in rule_ids for r in results),
                     f"{name}: every SARIF result names a rule of the driver")

        fingerprints = [issue.get("fingerprint") for issue in quality]
        checks.check(len(set(fingerprints)) == len(fingerprints),
                     f"{name}: Code Quality fingerprints are unique")
        checks.check(all(issue.get("severity") in GITLAB_SEVERITIES
                         and issue["location"]["lines"]["begin"] >= 1
                         and not os.path.isabs(issue["location"]["path"]) for issue in quality),
                     f"{name}: Code Quality issues: a GitLab severity, a relative path, a line")

        if xmllint:
            lint = run([xmllint, "--noout", out["junit"]])
            checks.check(lint.returncode == 0, f"{name}: JUnit is well-formed (xmllint)", lint.stderr)
        try:
            junit = ElementTree.parse(out["junit"]).getroot()
            failures = len(junit.findall(".//failure"))
        except ElementTree.ParseError as error:
            checks.check(False, f"{name}: JUnit parses", error)
            continue
        checks.check(len(results) == len(quality) == failures,
                     f"{name}: SARIF, Code Quality and JUnit have the same findings "
                     f"({len(results)}, {len(quality)}, {failures})")
        has_errors = any(r.get("level") == "error" for r in results)
        checks.check(result.returncode == (1 if has_errors else 0),
                     f"{name}: exit code {result.returncode} matches the findings")
    checks.check(len(cases) > 10, f"{len(cases)} fixtures checked")
    check_hostile_input(args, checks, root)
    check_write_errors(args, checks, root)
    checks.finish()


FORMATS = ("text", "json", "sarif", "github", "gitlab", "junit", "markdown", "rdjson")
INJECTION = "evnt\\n::error file=README.md,line=1::forged\\n::add-mask::team-checkout\\n" \
            "::stop-commands::abc123\\n\\e[31m\\u202e"
# Raw C0 controls but tab and newline, DEL, C1 controls, bidi controls, line separators.
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\x80-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")


def hostile_repo(args, root):
    repo = os.path.join(root, "hostile")
    copy_tree(os.path.join(args.source, "fixtures", "shop"), repo)
    init_repo(repo)
    commit_all(repo, "base")
    with open(os.path.join(repo, "tracking-plan", "inject.yaml"), "w", encoding="utf-8") as f:
        f.write(f'kind: "{INJECTION}"\nname: x\n')
    catalog = os.path.join(repo, "tracking-plan", "catalog", "product_viewed.yaml")
    with open(catalog, encoding="utf-8") as f:
        text = f.read()
    text = text.replace("  image_url:", '  "<img src=https://attacker.example/pixel.png>": '
                        '{type: string, pii: none}\n  "[click me](https://attacker.example)": '
                        '{type: string, pii: none}\n  image_url:')
    with open(catalog, "w", encoding="utf-8") as f:
        f.write(text)
    for name in ("a`**BOLD** [click](https:attacker.example)`.yaml", "per%cent.yaml", "sp ace.yaml"):
        with open(os.path.join(repo, "tracking-plan", name), "w", encoding="utf-8") as f:
            f.write("kind: evnt\nname: x\n")
    with open(os.path.join(repo, "https:x.yaml"), "w", encoding="utf-8") as f:
        f.write("kind: evnt\nname: c\n")
    config = os.path.join(repo, "steward.yaml")
    with open(config, encoding="utf-8") as f:
        text = f.read()
    text = re.sub(r"^paths:.*$", 'paths: [tracking-plan, destinations, identity, governance, "https:x.yaml"]',
                  text, count=1, flags=re.M)
    with open(config, "w", encoding="utf-8") as f:
        f.write(text)
    commit_all(repo, "head")
    return repo


def check_hostile_input(args, checks, root):
    repo = hostile_repo(args, root)
    reports = {}
    for fmt in FORMATS:
        result = run([args.steward, "check", "-C", repo, "--base", "HEAD~1", "--format", fmt])
        checks.check(result.returncode == 1, f"hostile: {fmt} runs and fails on the findings "
                     f"(exit {result.returncode})", result.stderr)
        reports[fmt] = result.stdout
    for fmt, out in reports.items():
        commands = [line for line in out.splitlines() if line.lstrip().startswith("::")]
        own = [line for line in commands if re.match(r"::(error|warning|notice) (file=|title=)", line)]
        checks.check(len(commands) == len(own) and (fmt == "github") == bool(own),
                     f"hostile: {fmt} has no workflow command steward did not mean", "\n".join(commands[:5]))
        checks.check(not RAW_CONTROL.search(out), f"hostile: {fmt} has no raw control character",
                     repr(RAW_CONTROL.search(out)))
    # Code spans and backslash-escaped characters are literal text; what is left must hold no
    # HTML, link or emphasis from the repository.
    markdown = re.sub(r"(`+)(?!`).*?(?<!`)\1(?!`)", "", reports["markdown"])
    markdown = re.sub(r"\\.", "", markdown)
    checks.check("<img" not in markdown and "[click" not in markdown and "**BOLD**" not in markdown,
                 "hostile: Markdown shows names and paths as literal text",
                 "\n".join(l for l in reports["markdown"].splitlines()
                           if "img" in l or "BOLD" in l or "click" in l)[:2000])
    sarif = json.loads(reports["sarif"])
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in sarif["runs"][0]["results"]]
    paths = {urllib.parse.unquote(urllib.parse.urlsplit(u).path) for u in uris}
    schemes = {urllib.parse.urlsplit(u).scheme for u in uris}
    checks.check(schemes == {""}, "hostile: SARIF URIs are relative references (no scheme)", schemes)
    checks.check({"tracking-plan/per%cent.yaml", "tracking-plan/sp ace.yaml", "https:x.yaml"} <= paths,
                 "hostile: SARIF URIs decode to the files' paths", sorted(paths)[:20])


def check_write_errors(args, checks, root):
    repo = os.path.join(root, "write-errors")
    copy_tree(os.path.join(args.source, "fixtures", "shop"), repo)
    if not os.path.exists("/dev/full"):
        print("SKIP (part): no /dev/full")
        return
    for fmt in ("json", "sarif", "markdown"):
        result = run([args.steward, "check", "-C", repo, "--no-base", "--format", f"{fmt}=/dev/full"])
        checks.check(result.returncode == 2 and "/dev/full" in result.stderr,
                     f"write errors: {fmt}=/dev/full is exit 2 naming the file "
                     f"(exit {result.returncode})", result.stderr)
    with open("/dev/full", "w") as full:
        result = subprocess.run([args.steward, "check", "-C", repo, "--no-base", "--format", "json"],
                                stdout=full, stderr=subprocess.PIPE, text=True, timeout=60)
    checks.check(result.returncode == 2 and "standard output" in result.stderr,
                 f"write errors: json to a full standard output is exit 2 (exit {result.returncode})",
                 result.stderr)


if __name__ == "__main__":
    main()
