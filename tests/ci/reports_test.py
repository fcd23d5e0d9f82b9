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
The schemas are read from SOURCE/../shared/schemas; without that folder the schema part is skipped
(said on the output), the other checks still run.
"""

import json
import os
import shutil
import xml.etree.ElementTree as ElementTree

from ci_common import Checks, arguments, copy_tree, run, temp_dir

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
    checks.finish()


if __name__ == "__main__":
    main()
