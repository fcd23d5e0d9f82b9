#!/usr/bin/env python3
"""Validates the golden SARIF, GitLab Code Quality and JUnit reports.

SARIF and GitLab against the official schemas (../shared/schemas relative to the repository root),
plus what GitHub code scanning and GitLab need beyond the schemas; JUnit with `xmllint --noout`.
Exit 77 (CTest: skipped) when the schema folder is absent; 1 on any problem.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys

SKIP = 77
problems = []


def problem(where, what):
    problems.append(f"{where}: {what}")


def validate_schema(schema_path, report_path):
    import jsonschema  # python3-jsonschema (Debian); handles draft-07 and 2020-12

    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    with open(report_path, encoding="utf-8") as f:
        report = json.load(f)
    validator = jsonschema.validators.validator_for(schema)(schema)
    for error in sorted(validator.iter_errors(report), key=lambda e: list(e.absolute_path)):
        path = "/".join(str(p) for p in error.absolute_path)
        problem(os.path.basename(report_path), f"schema: at /{path}: {error.message}")
    return report


def text_of(obj, key):
    value = obj.get(key)
    return isinstance(value, dict) and isinstance(value.get("text"), str) and value["text"] != ""


def check_github_sarif(name, sarif):
    for run in sarif.get("runs", []):
        rules = run.get("tool", {}).get("driver", {}).get("rules", [])
        ids = [rule.get("id") for rule in rules]
        if len(ids) != len(set(ids)):
            problem(name, "duplicate rule ids in tool.driver.rules")
        for rule in rules:
            for key in ("shortDescription", "fullDescription", "help"):
                if not text_of(rule, key):
                    problem(name, f"rule {rule.get('id')}: {key}.text missing or empty")
            if not rule.get("help", {}).get("markdown"):
                problem(name, f"rule {rule.get('id')}: help.markdown missing")
            if len(rule.get("shortDescription", {}).get("text", "")) > 1024:
                problem(name, f"rule {rule.get('id')}: shortDescription longer than 1024")
        for i, result in enumerate(run.get("results", [])):
            where = f"{name} result {i} ({result.get('ruleId')})"
            rule_id, index = result.get("ruleId"), result.get("ruleIndex")
            if rule_id not in ids:
                problem(where, "ruleId is not in tool.driver.rules")
            elif index is None or ids[index] != rule_id:
                problem(where, "ruleIndex does not point at its rule")
            if not result.get("partialFingerprints", {}).get("primaryLocationLineHash"):
                problem(where, "partialFingerprints.primaryLocationLineHash missing")
            if not text_of(result, "message"):
                problem(where, "message.text missing")
            locations = result.get("locations") or []
            if len(locations) != 1:
                problem(where, "GitHub wants exactly one location")
            for location in locations:
                physical = location.get("physicalLocation", {})
                uri = physical.get("artifactLocation", {}).get("uri", "")
                if not uri or uri.startswith("/") or "://" in uri or uri.startswith("file:"):
                    problem(where, f"artifactLocation.uri is not relative: {uri!r}")
                if physical.get("artifactLocation", {}).get("uriBaseId") != "%SRCROOT%":
                    problem(where, "artifactLocation.uriBaseId is not %SRCROOT%")
                region = physical.get("region", {})
                if region.get("startLine", 0) < 1:
                    problem(where, "region.startLine missing or not 1-based")
                if "endLine" in region and region["endLine"] < region["startLine"]:
                    problem(where, "region ends before it starts")
            state = result.get("baselineState")
            if state is not None and state not in ("new", "unchanged"):
                problem(where, f"unexpected baselineState {state!r}")


def check_gitlab(name, issues):
    seen = set()
    for i, issue in enumerate(issues):
        where = f"{name} entry {i} ({issue.get('check_name')})"
        fingerprint = issue.get("fingerprint")
        if fingerprint in seen:
            problem(where, f"duplicate fingerprint {fingerprint}")
        seen.add(fingerprint)
        if not issue.get("check_name"):
            problem(where, "check_name missing")
        location = issue.get("location", {})
        if not location.get("path"):
            problem(where, "location.path missing")
        if not isinstance(location.get("lines", {}).get("begin"), int):
            problem(where, "location.lines.begin missing")


def check_junit(path):
    name = os.path.basename(path)
    xmllint = shutil.which("xmllint")
    if xmllint is None:
        problem(name, "xmllint not found (Debian: libxml2-utils)")
        return
    run = subprocess.run([xmllint, "--noout", path], capture_output=True, text=True)
    if run.returncode != 0:
        problem(name, "xmllint: " + run.stderr.strip())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--schemas", required=True)
    parser.add_argument("--golden", required=True)
    args = parser.parse_args()

    if not os.path.isdir(args.schemas):
        print(f"SKIPPED: no schema folder at {args.schemas} (expected ../shared/schemas next to "
              "the repository)")
        return SKIP
    try:
        import jsonschema  # noqa: F401
    except ImportError:
        print(f"{sys.executable} has no jsonschema module: install python3-jsonschema")
        return 1

    golden = lambda name: os.path.join(args.golden, name)  # noqa: E731
    sarif_schema = os.path.join(args.schemas, "sarif-2.1.0.json")
    for name in ("sarif.sarif", "sarif-clean.sarif"):
        check_github_sarif(name, validate_schema(sarif_schema, golden(name)))
    gitlab_schema = os.path.join(args.schemas, "gitlab-codequality.json")
    check_gitlab("gitlab.json", validate_schema(gitlab_schema, golden("gitlab.json")))
    check_junit(golden("junit.xml"))

    for line in problems:
        print(line)
    if problems:
        return 1
    print("sarif, gitlab and junit reports are valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
