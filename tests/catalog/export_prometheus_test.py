"""`steward export prometheus-rules` on fixtures/shop and on a hostile repository: promtool (Debian
package prometheus) accepts the rules, each SLO objective has its alert, each alert carries the
owning team as a label, and a name from the repository cannot change a query or a template."""

import os

import catalog_support
from catalog_support import ci_common

SHOP_OWNERS = {"snowflake_warehouse": "team-data", "amplitude": "team-data",
               "braze": "team-growth", "google_ads": "team-growth", "zendesk": "team-support"}
ALERTS = ["DestinationSchemaViolationRateHigh", "DestinationErrorBudgetFastBurn",
          "DestinationErrorBudgetSlowBurn", "DestinationLatencyP95High",
          "DestinationDeadLetterBacklogHigh"]


def main():
    args = ci_common.arguments(__doc__)
    promtool = catalog_support.require_tool("promtool")
    checks = ci_common.Checks()

    def export(repo, name):
        out = os.path.join(args.work, name)
        result = ci_common.run([args.steward, "export", "prometheus-rules", "-C", repo,
                                "--out", out])
        check = ci_common.run([promtool, "check", "rules", out])
        return result, check, ci_common.load_yaml_or_skip(out)[0]

    result, check, shop = export(os.path.join(args.source, "fixtures", "shop"),
                                 "shop.rules.yml")
    checks.check(result.returncode == 0, "the shop exports with exit 0", result.stderr)
    checks.check(check.returncode == 0 and "SUCCESS: 25 rules found" in check.stdout,
                 "promtool accepts the shop's 25 rules (5 SLOs x 5 alerts)",
                 check.stdout + check.stderr)
    for group in shop["groups"]:
        destination = group["name"].removeprefix("steward-slo-")
        checks.check([r["alert"] for r in group["rules"]] == ALERTS,
                     f"{destination}: an alert per objective", group["rules"])
        checks.check(all(r["labels"]["team"] == SHOP_OWNERS[destination] for r in group["rules"]),
                     f"{destination}: labelled team={SHOP_OWNERS[destination]}")
    warehouse = shop["groups"][0]["rules"]
    checks.check(warehouse[3]["expr"].endswith("> 900"), "latency_p95 15m is 900 seconds",
                 warehouse[3]["expr"])

    result, check, hostile = export(catalog_support.hostile_repository(args.work),
                                    "hostile.rules.yml")
    checks.check(result.returncode == 0, "the hostile repository exports with exit 0",
                 result.stderr)
    checks.check(check.returncode == 0, "promtool accepts the hostile repository's rules",
                 check.stdout + check.stderr)
    rule = hostile["groups"][0]["rules"][0]
    checks.check('{destination="wh\\"} or vector(1) #"}' in rule["expr"],
                 "the destination stays one label value in the query", rule["expr"])
    checks.check(rule["labels"]["team"] == '{{ "{{" }} .Value }}',
                 "a team name cannot run a template", rule["labels"])
    test_file = os.path.join(args.work, "hostile.test.yml")
    with open(test_file, "w", encoding="utf-8") as f:
        f.write(unit_test(os.path.join(args.work, "hostile.rules.yml")))
    unit = ci_common.run([promtool, "test", "rules", test_file])
    checks.check(unit.returncode == 0,
                 "promtool test rules: the alert fires, team label and annotations rendered literally",
                 unit.stdout + unit.stderr)
    unowned_checks(checks, args)
    checks.finish()


def unowned_checks(checks, args):
    """An SLO without an owner: the rules are written, the finding names its line, exit 1."""
    repo = ci_common.init_repo(ci_common.temp_dir(args.work, "unowned"))
    with open(os.path.join(repo, "slos.yaml"), "w", encoding="utf-8") as f:
        f.write("kind: destination\nname: braze\n---\n"
                "kind: slo\ndestination: braze\nlatency_p95: 1m\n")
    ci_common.commit_all(repo, "an SLO without owner")
    out = os.path.join(args.work, "unowned.rules.yml")
    result = ci_common.run([args.steward, "export", "prometheus-rules", "-C", repo, "--out", out])
    checks.check(result.returncode == 1, "an SLO without owner: exit 1", result.returncode)
    checks.check("slos.yaml:5:14: error[export.slo-owner-required]" in result.stderr,
                 "the finding names the SLO's file:line:col and rule", result.stderr)
    checks.check(os.path.getsize(out) > 0, "the rules are still written")
    missing = ci_common.run([args.steward, "export", "prometheus-rules", "-C", repo, "--out",
                             os.path.join(args.work, "no-such-folder", "rules.yml")])
    checks.check(missing.returncode == 2 and "cannot write --out" in missing.stderr,
                 "an unwritable --out is exit 2 with a way out", missing.stderr)


def unit_test(rules):
    """A promtool unit test: 40 of 100 deliveries fail for 10 minutes, so the fast burn fires;
    its labels must be the team's name exactly as written."""
    return f"""rule_files: [{rules}]
evaluation_interval: 1m
tests:
  - interval: 1m
    input_series:
      - series: 'cdp_delivery_failures_total{{destination="wh\\"}} or vector(1) #"}}'
        values: '0+40x70'
      - series: 'cdp_delivery_attempts_total{{destination="wh\\"}} or vector(1) #"}}'
        values: '0+100x70'
    alert_rule_test:
      - eval_time: 65m
        alertname: DestinationErrorBudgetFastBurn
        exp_alerts:
          - exp_labels:
              destination: 'wh"}} or vector(1) #'
              severity: page
              team: '{{{{ .Value }}}}'
              slo: delivery_error_rate
            exp_annotations:
              owner: '{{{{ .Value }}}}'
              summary: 'wh"}} or vector(1) # burns its error budget (1% of deliveries) 14.4 times too fast'
"""


if __name__ == "__main__":
    main()
