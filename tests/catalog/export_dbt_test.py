"""`steward export dbt` on fixtures/shop and on a hostile repository: the output validates against
dbt's published JSON Schema (dbt-labs/dbt-jsonschema, Apache-2.0, copied next to this file), and
its tables, columns, meta and tests are those the tracking plan implies."""

import json
import os

import catalog_support
from catalog_support import ci_common

SCHEMA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "dbt_yml_files-latest.json")


def main():
    args = ci_common.arguments(__doc__)
    try:
        import jsonschema
        import yaml
    except ImportError:
        catalog_support.require_tool("python3-jsonschema and python3-yaml")
    checks = ci_common.Checks()
    with open(SCHEMA, encoding="utf-8") as f:
        schema = json.load(f)
    validator = jsonschema.validators.validator_for(schema)(schema)

    def export(repo, name):
        out = os.path.join(args.work, name)
        result = ci_common.run([args.steward, "export", "dbt", "-C", repo, "--out", out])
        with open(out, encoding="utf-8") as f:
            return result, yaml.safe_load(f)

    result, shop = export(os.path.join(args.source, "fixtures", "shop"), "shop.dbt.yml")
    checks.check(result.returncode == 0, "the shop exports with exit 0", result.stderr)
    errors = [e.message for e in validator.iter_errors(shop)]
    checks.check(not errors, "the shop's dbt sources validate against dbt's schema", errors[:5])
    checks.check([s["name"] for s in shop["sources"]] == ["snowflake_warehouse"],
                 "one source: the shop's only warehouse", shop["sources"])
    tables = {t["name"]: t for t in shop["sources"][0]["tables"]}
    # Every event of the shop goes to the warehouse ("*"), none is removed.
    checks.check(len(tables) == 22, "a table per event of the shop (22)", sorted(tables))
    columns = {c["name"]: c for c in tables["app_installed"]["columns"]}
    checks.check("advertising_id" not in columns, "excluded properties are not columns", columns)
    order = {c["name"]: c for c in tables["order_completed"]["columns"]}
    checks.check(order["revenue"].get("data_tests") == ["not_null"],
                 "a required property is tested not_null", order["revenue"])
    checks.check("data_tests" not in order["shipping"],
                 "an optional one is not", order["shipping"])
    checks.check(order["order_id"]["meta"]["owner"] == "team-checkout",
                 "meta names the event's owner", order["order_id"]["meta"])
    accepted = [c for t in tables.values() for c in t["columns"]
                if any(isinstance(x, dict) and "accepted_values" in x
                       for x in c.get("data_tests", []))]
    checks.check(accepted, "enums are tested with accepted_values")
    phones = [c for t in tables.values() for c in t["columns"]
              if c["meta"]["pii"].startswith("user.contact.phone")]
    checks.check(phones and all(c["meta"]["pii"] == "user.contact.phone.hashed" for c in phones),
                 "phone numbers arrive hashed (the warehouse runs hash_phone)",
                 [(c["name"], c["meta"]["pii"]) for c in phones])

    result, hostile = export(catalog_support.hostile_repository(args.work), "hostile.dbt.yml")
    checks.check(result.returncode == 0, "the hostile repository exports with exit 0",
                 result.stderr)
    errors = [e.message for e in validator.iter_errors(hostile)]
    checks.check(not errors, "its dbt sources validate against dbt's schema", errors[:5])
    table = hostile["sources"][0]["tables"][0]
    checks.check("{{ run_query" not in table["description"]
                 and "{{ '{{' }} run_query" in table["description"],
                 "Jinja in a description is printed by dbt, not run", table["description"])
    checks.check("{% raw %}" not in table["description"]
                 and "{{ '{%' }} raw %}" in table["description"],
                 "a Jinja block tag is printed too", table["description"])
    checks.finish()


if __name__ == "__main__":
    main()
