#!/usr/bin/env python3
"""Pipeline configs read completely (issue 17): what a destination receives, device mode, consent,
`enabled`, literal credentials, and snowplow-cli's SchemaVer between revisions.

Each scenario builds its git repository here, with the git CLI, and runs the binary as CI would on
a pull request (`--base main`):
  destinations  rudder-cli destination specs in RudderStack's shape (fixtures/formats/rudder-cli/
                destinations) on main; a pull request with one commit per kind of change: an event
                filter (deny list -> allow list), device mode moved to another platform, consent
                management added, a destination enabled, a credential written as a literal.
                `steward diff` names each change; `steward check` reports the device-mode PII,
                the literal credentials (never their values, in any format) and the reviews.
  snowplow      a snowplow-cli data structure edited in place: an ADDITION bump (1-0-0 -> 1-0-1)
                that adds a required property is compat.iglu-version-bump; one that adds an
                optional property to a closed schema is not.

Called by CTest as
    python3 pipelines_test.py --steward STEWARD_BINARY --source SOURCE_DIR [--keep]
"""

import os
import shutil
import sys

from e2e_support import Repo, git, run_scenarios

# The literal credentials of the fixture and of the pull request: no output may contain them.
LITERALS = ["adjust-literal-app-token-0001", "braze-literal-app-key-0002", "pr-literal-rest-key-0003"]


def new_repo(ctx, name, fixture):
    path = os.path.join(ctx.root, name)
    os.makedirs(path)
    git(path, "init", "-q", "-b", "main")
    shutil.copytree(os.path.join(ctx.source, *fixture), path, dirs_exist_ok=True)
    repo = Repo(path)
    repo.commit("the pipeline as it is")
    repo.branch("change")
    return repo


def scenario_destinations(ctx):
    c, steward = ctx.checks, ctx.steward
    repo = new_repo(ctx, "destinations", ["fixtures", "formats", "rudder-cli", "destinations"])
    # One commit per kind of change.
    repo.replace("streams/adj.yaml", "    event_filtering_blacklist:\n      - Password Reset",
                 "    event_filtering_whitelist:\n      - Order Completed")
    repo.commit("adj: receive only Order Completed")
    repo.replace("streams/braze.yaml", "      web: true\n      android: false",
                 "      web: false\n      android: true")
    repo.commit("braze: native SDK on android instead of web")
    repo.replace("streams/tiktok.yaml", "            - consent: advertising",
                 "            - consent: advertising\n      android:\n"
                 "        - provider: oneTrust\n          consents: [marketing]")
    repo.commit("tiktok: consent management on android")
    repo.replace("streams/postgres.yaml", "enabled: false", "enabled: true")
    repo.commit("postgres: enabled")
    repo.replace("streams/braze.yaml", '"{{ .BRAZE_REST_API_KEY }}"', LITERALS[2])
    repo.commit("braze: the REST key inline")

    r = steward("diff", "--base", "main", cwd=repo.path)
    c.code(r, 0, "steward diff")
    lines = {line.strip()[2:].split(":")[0]: line for line in r.out.splitlines()
             if line.startswith("  ~ ") or line.startswith("  - ") or line.startswith("  + ")}
    for subject, expected in [
            ("adj", "now receives only Order Completed, was every event except Password Reset"),
            ("braze", "connection mode now android: device (was web: device)"),
            ("tiktok_ads", "consent management now web: custom (and) advertising, "
                           "android: oneTrust marketing (was web: custom (and) advertising)"),
            ("postgres", "enabled again"),
            ("Password Reset -> adj", ""),  # the route the filter removed
    ]:
        c.true(expected in lines.get(subject, "\0"), f"diff of {subject}: {expected}", r.detail())
    c.true(not any(v in r.out + r.err for v in LITERALS), "diff prints no credential", r.detail())

    r = steward("check", "--base", "main", "--format", "json", cwd=repo.path)
    c.code(r, 1, "check: the literal credentials and device-mode PII are errors")
    findings = r.findings()
    literal = sorted((f["file"], f["line"]) for f in findings
                     if f["rule"] == "governance.literal-credential")
    c.equal(literal, sorted([("streams/adj.yaml", repo.line_of("streams/adj.yaml", "app_token")),
                             ("streams/braze.yaml", repo.line_of("streams/braze.yaml", "app_key:")),
                             ("streams/braze.yaml",
                              repo.line_of("streams/braze.yaml", "rest_api_key"))]),
            "a literal-credential finding at each literal", r.detail())
    device = [f["message"] for f in findings if f["rule"] == "pii.device-mode"]
    c.true(any("Order Completed.email" in m and "braze" in m and "android" in m for m in device),
           "email reaches braze in device mode on android", r.detail())
    c.true(not any("on web" in m for m in device), "web is back in cloud mode", r.detail())
    reviews = {(v["team"], v["reason"].split(" receives")[0]) for v in r.json().get("reviews", [])
               if "receives more than before" in v["reason"]}
    c.equal(sorted(reviews), [("team-security", "braze"), ("team-security", "postgres")],
            "widened routing is reviewed (adj's narrowed filter is not)", r.detail())

    for fmt in ("text", "json", "sarif", "markdown", "github", "gitlab", "junit"):
        r = steward("check", "--base", "main", "--format", fmt, cwd=repo.path)
        c.code(r, 1, f"--format {fmt}")
        leaked = [v for v in LITERALS if v in r.out + r.err]
        c.equal(leaked, [], f"--format {fmt}: no literal credential is printed", r.detail())
    r = steward("check", "--base", "main", cwd=repo.path)
    c.true("app_key: **************************" in r.out, "the text report masks the value",
           r.detail())
    r = steward("model", cwd=repo.path)
    c.true(not any(v in r.out for v in LITERALS), "steward model prints no credential", r.detail())


DATA_STRUCTURE = """apiVersion: v1
resourceType: data-structure
meta:
  hidden: false
  schemaType: event
  customData: {}
data:
  $schema: http://iglucentral.com/schemas/com.snowplowanalytics.self-desc/schema/jsonschema/1-0-0#
  description: A shopper opened the checkout.
  self:
    vendor: com.acme
    name: checkout_started
    format: jsonschema
    version: 1-0-0
  type: object
  properties:
    cart_id: {type: string, x-pii: none}
  required: [cart_id]
  additionalProperties: false
"""


def scenario_snowplow(ctx):
    c, steward = ctx.checks, ctx.steward
    path = os.path.join(ctx.root, "snowplow")
    os.makedirs(path)
    git(path, "init", "-q", "-b", "main")
    repo = Repo(path)
    repo.write("data-structures/checkout_started.yaml", DATA_STRUCTURE)
    repo.commit("checkout_started 1-0-0")
    repo.branch("breaking")
    repo.replace("data-structures/checkout_started.yaml", "version: 1-0-0", "version: 1-0-1")
    repo.replace("data-structures/checkout_started.yaml", "required: [cart_id]",
                 "required: [cart_id, total]")
    repo.replace("data-structures/checkout_started.yaml", "    cart_id: {type: string, x-pii: none}",
                 "    cart_id: {type: string, x-pii: none}\n    total: {type: number, x-pii: none}")
    repo.commit("checkout_started 1-0-1: total required")
    r = steward("check", "--base", "main", "--format", "json", cwd=repo.path)
    c.code(r, 1, "a breaking change at an ADDITION bump")
    bumps = [(f["file"], f["line"]) for f in r.findings() if f["rule"] == "compat.iglu-version-bump"]
    c.equal(bumps, [("data-structures/checkout_started.yaml",
                     repo.line_of("data-structures/checkout_started.yaml", "version: 1-0-1"))],
            "compat.iglu-version-bump at the new version", r.detail())

    repo.checkout("main")
    repo.branch("compatible")
    repo.replace("data-structures/checkout_started.yaml", "version: 1-0-0", "version: 1-0-1")
    repo.replace("data-structures/checkout_started.yaml", "    cart_id: {type: string, x-pii: none}",
                 "    cart_id: {type: string, x-pii: none}\n    coupon: {type: string, x-pii: none}")
    repo.commit("checkout_started 1-0-1: an optional coupon")
    r = steward("check", "--base", "main", "--format", "json", cwd=repo.path)
    bumps = [f for f in r.findings() if f["rule"] == "compat.iglu-version-bump"]
    c.equal(bumps, [], "an optional property added to a closed schema is an ADDITION", r.detail())


SCENARIOS = [scenario_destinations, scenario_snowplow]


if __name__ == "__main__":
    sys.exit(run_scenarios(__doc__, SCENARIOS, "steward-pipelines-"))
