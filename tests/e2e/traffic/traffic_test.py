#!/usr/bin/env python3
"""Sampled traffic end to end (issue 15), on git repositories built from fixtures/shop at test
time (python3's standard library and the git CLI; python3-jsonschema for the export scenario).

  validate    the committed sample fixtures/shop-traffic/sample.jsonl against the shop: its
              planted violations, each reason with its plan location, the dead-letter file, the
              threshold of steward.yaml, and hostile lines (a truncated gzip, a 2 MiB line).
  incident    the checkout incident of fixtures/incident replayed on a sample: the mobile apps
              send cartId (and an unclassified app_build), the web still sends cart_id. The
              replay must show the broken join key (cart_id no longer reaching funnel_lab, the
              web events newly rejected) and the leak (app_build, unclassified, newly reaching
              funnel_lab in staging), with counts that match the sample.
  identity    a head rule that matches on the phone number, which a household shares: the
              simulation shows the collisions it introduces and fails.
  export      every event of a valid sample passes python3-jsonschema against the schemas of
              `steward export json-schema`; an invalid one fails it.

Called by CTest as
    python3 traffic_test.py --steward STEWARD_BINARY --source SOURCE_DIR [--keep]
"""

import gzip
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from e2e_support import run_scenarios  # noqa: E402

IDENTITY = "identity/identity.yaml"
PHONE_KEY = ("  - {key: phone, from: traits.phone, precedence: 3, normalize: [trim], "
             "consent: [personalization]}\n")


def write_lines(path, events):
    with open(path, "w", encoding="utf-8") as f:
        for event in events:
            f.write(json.dumps(event) + "\n")


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


# ---- validate ---------------------------------------------------------------------------------

def scenario_validate(ctx):
    c = ctx.checks
    shop = os.path.join(ctx.source, "fixtures", "shop")
    sample = os.path.join(ctx.source, "fixtures", "shop-traffic", "sample.jsonl")
    dlq = os.path.join(ctx.root, "dlq.jsonl")
    r = ctx.steward("validate", sample, "-C", shop, "--format", "json", "--dlq", dlq,
                    cwd=ctx.root)
    c.code(r, 1, "the sample with planted violations fails")
    report = r.json()
    c.true(report.get("lines") == 1000 and 0 < report.get("invalid", 0) < 200,
           "1,000 lines, some invalid", r.detail())
    kinds = report.get("by_kind", {})
    c.true(all(kinds.get(k, 0) > 0 for k in ("wrong-type", "missing-required", "enum",
                                              "unknown-event", "not-json")),
           "each planted kind is a reason", kinds)
    reasons = [r for r in report.get("by_reason", []) if r["reason"] == "missing-required"]
    c.true(reasons and all(r.get("plan", {}).get("file", "").startswith("fixtures/shop/")
                           for r in reasons),
           "missing-required reasons point into the plan", reasons[:2])
    records = read_lines(dlq) if os.path.exists(dlq) else []
    c.equal(len(records), report.get("invalid"), "the dead-letter file has every invalid event")
    c.true(all(rec.get("reasons") and ("event" in rec or "raw" in rec) for rec in records),
           "each record: the original event and its reasons", records[:1])

    text = ctx.steward("validate", sample, "-C", shop, cwd=ctx.root)
    c.true("by reason:" in text.out and "--> fixtures/shop/" in text.out,
           "text: reasons with the plan's file:line:col", text.detail())
    md = ctx.steward("validate", sample, "-C", shop, "--format", "markdown", cwd=ctx.root)
    c.true(md.out.startswith("## steward validate: failed"), "markdown: the verdict first",
           md.detail())

    # A threshold in steward.yaml: 20% invalid is accepted.
    repo = ctx.shop_repo("threshold")
    with open(repo.file("steward.yaml"), "a", encoding="utf-8") as f:
        f.write("traffic:\n  validate: {max_invalid_rate: 20%}\n")
    r = ctx.steward("validate", sample, cwd=repo.path)
    c.code(r, 0, "within traffic.validate.max_invalid_rate: exit 0")
    c.true("within traffic.validate.max_invalid_rate (20%)" in r.out, "the verdict names the key",
           r.detail())

    # Hostile input: a truncated gzip and a 2 MiB line; each a reason, the run goes on.
    r = ctx.steward("sample", "--events", "3000", "--seed", "5", "-C", shop, "-o",
                    os.path.join(ctx.root, "valid.jsonl"), cwd=ctx.root)
    c.code(r, 0, "steward sample writes a sample")
    with open(os.path.join(ctx.root, "valid.jsonl"), "rb") as f:
        data = gzip.compress(f.read())
    cut = os.path.join(ctx.root, "cut.jsonl.gz")
    with open(cut, "wb") as f:
        f.write(data[:len(data) // 2])
    big = os.path.join(ctx.root, "big.jsonl")
    with open(big, "w", encoding="utf-8") as f:
        f.write('{"event": "' + "x" * (2 << 20) + '"}\n{"type":"page","name":"Home"}\n')
    r = ctx.steward("validate", cut, big, "-C", shop, "--format", "json", cwd=ctx.root)
    c.code(r, 1, "a truncated gzip and a 2 MiB line: exit 1")
    kinds = r.json().get("by_kind", {})
    c.true(kinds.get("unreadable") == 1 and kinds.get("line-too-long") == 1 and
           r.json().get("invalid") == 2, "each is one reason; the other lines are valid", kinds)

    r = ctx.steward("validate", os.path.join(ctx.root, "missing.jsonl"), "-C", shop, cwd=ctx.root)
    c.code(r, 2, "a sample that does not exist: exit 2")


# ---- the checkout incident --------------------------------------------------------------------

def scenario_incident(ctx):
    c = ctx.checks
    overlay = os.path.join(ctx.source, "fixtures", "incident")
    repo = ctx.shop_repo("incident")
    repo.overlay(os.path.join(overlay, "base"))
    repo.commit("funnel lab: join checkout events to cart sessions")

    sample = os.path.join(ctx.root, "incident.jsonl")
    r = ctx.steward("sample", "--events", "4000", "--seed", "15", "-o", sample, cwd=repo.path)
    c.code(r, 0, "a sample of main's plan")
    # The release: the iOS and Android apps (every other checkout) send cartId and app_build.
    events = read_lines(sample)
    mobile = web = 0
    for event in events:
        if event.get("event") != "checkout_started":
            continue
        props = event["properties"]
        if (mobile + web) % 2 == 0:
            props["cartId"] = props.pop("cart_id")
            props["app_build"] = "6.2.0 (4411)"
            mobile += 1
        else:
            web += 1
    write_lines(sample, events)
    c.true(mobile > 20 and web > 20, "the sample holds mobile and web checkouts", (mobile, web))

    repo.branch("mobile/cart-id")
    repo.overlay(os.path.join(overlay, "head"))
    repo.commit("iOS/Android: cartId, app_build")
    r = ctx.steward("replay", sample, "--base", "main", cwd=repo.path)
    c.code(r, 1, "the replay fails the pull request")
    out = r.out
    c.true(f"checkout_started: {web:,} newly rejected, {mobile:,} newly accepted" in out,
           "web checkouts newly rejected, mobile ones newly accepted, with counts", r.detail())
    c.true(any(line.split()[:4] == [f"{web:,}", "missing-required", "checkout_started",
                                     "$.properties.cartId"] for line in out.splitlines()),
           "the reason: cartId missing in every web checkout", r.detail())
    broken = [line.split() for line in out.splitlines()
              if "no longer delivered" in line and "funnel_lab" in line and " cart_id " in line]
    c.true(broken and broken[0][-1] == f"{web:,}",
           "the join key: cart_id no longer reaches funnel_lab, with the count", r.detail())
    leak = [line.split() for line in out.splitlines()
            if "newly delivered" in line and "funnel_lab" in line and "app_build" in line]
    c.true(leak and "staging" in leak[0] and "unclassified" in leak[0] and
           leak[0][-1] == f"{mobile:,}",
           "the leak: unclassified app_build newly reaches funnel_lab (staging)", r.detail())
    c.true("unclassified reaches funnel_lab (staging)" in out,
           "the leak is a PII class newly reaching a destination", r.detail())
    c.true("FAILED:" in out and "max_newly_rejected_rate" in out and
           "max_new_pii_deliveries" in out, "both criteria fail, by name", r.detail())

    md = ctx.steward("replay", sample, "--base", "main", "--format", "markdown", cwd=repo.path)
    c.true(md.code == 1 and md.out.startswith("## steward replay: failed") and
           "`app_build`" in md.out, "markdown for the pull-request comment", md.detail())

    js = ctx.steward("replay", sample, "--base", "main", "--format", "json", cwd=repo.path)
    c.code(js, 1, "--format json: the same verdict")
    report = json.loads(js.out)
    c.true(report["version"] == 1 and report["passed"] is False and
           report["lines"] == len(events) and report["newly_rejected"] == web and
           report["newly_accepted"] == mobile and
           report["by_event"]["checkout_started"] == {"newly_rejected": web,
                                                      "newly_accepted": mobile},
           "json: the counts of newly rejected and accepted checkouts", js.detail())
    c.true(any(r["reason"] == "missing-required" and r["path"] == "$.properties.cartId" and
               r["events"] == web and r["plan"]["file"].endswith("checkout.yaml")
               for r in report["new_reasons"]), "json: the new reason, with the plan's place",
           js.detail())
    deliveries = {(d["destination"], d["environment"], d["property"]): d
                  for d in report["deliveries"] if d["event"] == "checkout_started"}
    join_key = deliveries.get(("funnel_lab", "staging", "cart_id"))
    c.true(join_key and join_key["no_longer_delivered"] == web,
           "json: the join key no longer reaching funnel_lab, with the count", js.detail())
    leak = deliveries.get(("funnel_lab", "staging", "app_build"))
    c.true(leak and leak["newly_delivered"] == mobile and leak["pii"] == "unclassified",
           "json: the leak, with the count", js.detail())
    c.true(any(p["destination"] == "funnel_lab" and p["pii"] == "unclassified" and
               p["events"] == mobile and "checkout_started.app_build" in p["properties"]
               for p in report["new_pii"]), "json: the new PII class", js.detail())
    c.true(len(report["failures"]) == 2 and
           report["criteria"]["max_newly_rejected_rate"] == 0, "json: both failures, the limits",
           js.detail())

    repo.git("revert", "--no-edit", "HEAD")
    r = ctx.steward("replay", sample, "--base", "main", cwd=repo.path)
    c.code(r, 0, "reverted, the same sample replays with no change: exit 0")


# ---- identity ---------------------------------------------------------------------------------

def scenario_identity(ctx):
    c = ctx.checks
    repo = ctx.copy_of_shop("identity")
    repo.replace(IDENTITY, PHONE_KEY, "")
    repo.commit("identity without the phone number")
    sample = os.path.join(ctx.root, "identity.jsonl")
    r = ctx.steward("sample", "--events", "3000", "--seed", "21", "--household", "3", "-o", sample,
                    cwd=repo.path)
    c.code(r, 0, "a sample where households of 3 share a phone number")

    repo.branch("identity/phone")
    repo.replace(IDENTITY, "  - {key: advertising_id", PHONE_KEY + "  - {key: advertising_id")
    repo.commit("match on the phone number")
    r = ctx.steward("identity", "simulate", sample, "--base", "main", cwd=repo.path)
    c.code(r, 1, "the head rule introduces collisions: exit 1")
    rows = {line.split("  ")[1].strip(): line.split() for line in r.out.splitlines()
            if line.startswith("  collisions ") or line.startswith("  profiles ")}
    collisions = rows.get("collisions")
    c.true(collisions and collisions[1] == "0" and int(collisions[2].replace(",", "")) > 10,
           "collisions: none at base, many at head", r.detail())
    c.true("match key added: phone from traits.phone, precedence 3" in r.out,
           "the rule change is named", r.detail())
    c.true("collision at head: one profile of" in r.out and "values of user_id" in r.out,
           "the worst collision: a profile joining several user ids", r.detail())
    c.true("max_collisions" in r.out, "the verdict names the criterion", r.detail())
    head_collisions = int(collisions[2].replace(",", "")) if collisions else -1

    js = ctx.steward("identity", "simulate", sample, "--base", "main", "--format", "json",
                     cwd=repo.path)
    c.code(js, 1, "--format json: the same verdict")
    report = json.loads(js.out)
    identity = report["identities"][0] if report["identities"] else {}
    c.true(report["version"] == 1 and report["passed"] is False and report["lines"] == 3000 and
           identity.get("base", {}).get("collisions") == 0 and
           identity.get("head", {}).get("collisions") == head_collisions,
           "json: the household-phone collisions, none at base", js.detail())
    worst = identity.get("head", {}).get("largest_collisions", [])
    c.true(worst and worst[0]["key"] == "user_id" and worst[0]["values"] >= 2 and
           worst[0]["identifiers_by_key"].get("phone", 0) >= 1 and
           all("*" in e for e in worst[0]["examples"] if len(e) > 2),
           "json: the largest collision joins user ids through a phone, values masked",
           js.detail())
    c.true("match key added: phone from traits.phone, precedence 3" in identity["rule_changes"]
           and report["criteria"]["max_collisions"] == 0 and len(report["failures"]) == 1,
           "json: the rule change and the broken criterion", js.detail())

    with open(repo.file("steward.yaml"), "a", encoding="utf-8") as f:
        f.write("traffic:\n  identity: {max_collisions: 100000}\n")
    r = ctx.steward("identity", "simulate", sample, "--base", "main", cwd=repo.path)
    c.code(r, 0, "within traffic.identity.max_collisions: exit 0")
    r = ctx.steward("identity", "simulate", sample, "--base", "main", "--format", "markdown",
                    cwd=repo.path)
    c.true(r.out.startswith("## steward identity simulate: passed"), "markdown", r.detail())


# ---- export json-schema -----------------------------------------------------------------------

def scenario_export(ctx):
    c = ctx.checks
    try:
        import jsonschema
    except ImportError:
        c.true(True, "python3-jsonschema is not installed: skipped")
        return
    shop = os.path.join(ctx.source, "fixtures", "shop")
    out = os.path.join(ctx.root, "schemas")
    r = ctx.steward("export", "json-schema", "-C", shop, "--out", out, cwd=ctx.root)
    c.code(r, 0, "steward export json-schema --out DIR")
    schemas = {}
    for name in sorted(os.listdir(out)):
        with open(os.path.join(out, name), encoding="utf-8") as f:
            schema = json.load(f)
        jsonschema.Draft7Validator.check_schema(schema)
        schemas[schema["properties"]["event"]["const"]] = schema
    c.true(len(schemas) >= 20, "one valid draft-07 schema per event", sorted(schemas))
    sample = os.path.join(ctx.root, "valid.jsonl")
    ctx.steward("sample", "--events", "500", "--seed", "2", "-C", shop, "-o", sample, cwd=ctx.root)
    checker = jsonschema.FormatChecker()
    failures = []
    tracked = 0
    for event in read_lines(sample):
        if event.get("type") != "track":
            continue
        tracked += 1
        validator = jsonschema.Draft7Validator(schemas[event["event"]], format_checker=checker)
        failures += [f"{event['event']}: {e.message}" for e in validator.iter_errors(event)]
    c.true(tracked > 300 and not failures, "steward's valid events pass the exported schemas",
           failures[:5])
    bad = {"type": "track", "event": "checkout_started", "properties": {"value": "12"}}
    errors = list(jsonschema.Draft7Validator(schemas["checkout_started"]).iter_errors(bad))
    c.true(errors, "an invalid event fails them", bad)
    r = ctx.steward("export", "json-schema", "-C", shop, cwd=ctx.root)
    c.true(r.code == 0 and "checkout_started" in json.loads(r.out),
           "without --out: one JSON object on standard output", r.detail())


if __name__ == "__main__":
    sys.exit(run_scenarios(__doc__, [scenario_validate, scenario_incident, scenario_identity,
                                     scenario_export], "steward-traffic-", timeout=300))
