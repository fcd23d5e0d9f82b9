#!/usr/bin/env python3
"""The incident of issue 5, end to end, and the compat pack's reference rules on real repositories.

Each scenario builds a git repository from fixtures/shop (python3's standard library and the git
CLI only, no network) and runs `steward check --base main` as CI runs it:

  incident    fixtures/incident: main is the shop plus base/ (a transformation that joins on
              cart_id, a staging-only analytics sandbox); the pull request is head/ (the mobile
              apps rename cart_id to cartId in checkout_started and add an unclassified
              app_build). steward must fail it with the rename and its migration path, the
              transformation's broken join key at its own line, and the unclassified property
              (pii.unclassified-property, once the pii pack has it); reverted, it passes.
  demo        fixtures/pull-request: the likely rename email -> email_address, and Amplitude's
              exclusion of `email` that no longer holds it back.
  references  renames on the shop that break a mapping, a transformation's reads and writes, an
              exclusion and an identity match key, each reported at the referring line.

These references dangle at head, so steward's reader reports them too
(reference.unknown-property); `steward test` refuses such fixture trees, which is why they are
tested here rather than in stdlib-policies/compat/tests/.

Called by CTest as
    python3 incident_test.py --steward STEWARD_BINARY --source SOURCE_DIR [--keep]
It prints one line per check, then 'N passed, N failed', and exits 0 when every check passed
(77, skipped, without git).
"""

import os
import sys

# The shared helpers are one folder up, in tests/e2e.
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from e2e_support import run_scenarios  # noqa: E402

CHECKOUT = "tracking-plan/commerce/checkout.yaml"
ORDER = "tracking-plan/commerce/order_completed.yaml"
ACCOUNT = "tracking-plan/account/account.yaml"
FUNNEL_LAB = "destinations/funnel_lab.yaml"


def knows_rule(ctx, rule):
    return ctx.steward("explain", rule, cwd=ctx.root).code == 0


def find(findings, rule, file, line):
    """The findings of `rule` at file:line."""
    return [f for f in findings if f["rule"] == rule and f["file"] == file and f["line"] == line]


def expect_finding(c, result, rule, file, line, what, words=(), suggestion_words=()):
    """One finding of `rule` at file:line whose message holds `words` and whose suggestion holds
    `suggestion_words`."""
    found = find(result.findings(), rule, file, line)
    ok = any(all(w in f["message"] for w in words)
             and all(w in (f.get("suggestion") or "") for w in suggestion_words) for f in found)
    shown = "\n".join(f"{f['rule']} {f['file']}:{f['line']}: {f['message']}"
                      f" [suggestion: {f.get('suggestion')}]" for f in result.findings())
    return c.true(ok, f"{what}: {rule} at {file}:{line}", shown or result.detail())


# ---- 1. the incident --------------------------------------------------------------------------

def scenario_incident(ctx):
    c = ctx.checks
    overlay = os.path.join(ctx.source, "fixtures", "incident")
    repo = ctx.shop_repo("incident")
    repo.overlay(os.path.join(overlay, "base"))
    repo.commit("funnel lab: join checkout events to cart sessions")

    r = ctx.steward("check", "--base", "main", "--format", "json", cwd=repo.path)
    c.true(r.code == 0 and r.findings() == [],
           "main (the shop with the funnel lab) passes: exit 0, no finding", r.detail())

    repo.branch("mobile/cart-id")
    repo.overlay(os.path.join(overlay, "head"))
    repo.commit("iOS/Android: cartId, app_build")
    r = ctx.steward("check", "--base", "main", "--format", "json", cwd=repo.path)
    c.true(r.code == 1, "the pull request fails: exit 1", r.detail())

    renamed = repo.line_of(CHECKOUT, "  cartId:")
    expect_finding(c, r, "compat.property-renamed", CHECKOUT, renamed,
                   "(1) the rename is a breaking change, with the migration path",
                   words=("cart_id", "renamed to cartId"),
                   suggestion_words=("keep cart_id", "deprecated", "sunset"))
    reads = repo.line_of(FUNNEL_LAB, "reads: [cart_id]")
    expect_finding(c, r, "compat.transformation-read-broken", FUNNEL_LAB, reads,
                   "(2) the transformation's join key, at its own line, naming the rename",
                   words=("join_cart_sessions", "cart_id", "renamed to cartId"))
    c.true(bool(find(r.findings(), "reference.unknown-property", FUNNEL_LAB, reads)),
           "(2) steward's reader reports the dangling reads at the same line", r.detail())

    added = repo.line_of(CHECKOUT, "  app_build:")
    if knows_rule(ctx, "pii.unclassified-property"):
        expect_finding(c, r, "pii.unclassified-property", CHECKOUT, added,
                       "(3) the unclassified property is held back")
    else:
        print("skip: incident: (3) pii.unclassified-property is not in this steward yet")
    c.true(not find(r.findings(), "compat.required-property-added", CHECKOUT, added),
           "the new optional property is compatible", r.detail())

    r = ctx.steward("check", "--base", "main", cwd=repo.path)
    c.true(r.code == 1 and "= suggestion: add cartId and keep cart_id" in r.out,
           "text report: the migration path as the suggestion", r.detail())

    repo.git("revert", "--no-edit", "HEAD")
    r = ctx.steward("check", "--base", "main", "--format", "json", cwd=repo.path)
    c.true(r.code == 0 and not [f for f in r.findings() if f["severity"] == "error"],
           "reverted: exit 0, no error", r.detail())
    c.true(not [f for f in r.findings() if f["rule"].startswith("compat.")],
           "reverted: no compat finding", r.detail())


# ---- 2. the demo pull request -----------------------------------------------------------------

def scenario_demo(ctx):
    c = ctx.checks
    repo = ctx.shop_repo("demo")
    repo.branch("growth/checkout-gift-message")
    repo.overlay(os.path.join(ctx.source, "fixtures", "pull-request"))
    repo.commit("Checkout: gift message, email_address, Mixpanel sandbox")
    r = ctx.steward("check", "--base", "main", "--format", "json", cwd=repo.path)
    c.true(r.code == 1, "the demo pull request fails: exit 1", r.detail())
    expect_finding(c, r, "compat.property-renamed", CHECKOUT,
                   repo.line_of(CHECKOUT, "  email_address:"),
                   "the likely rename email -> email_address", words=("email", "email_address"))
    expect_finding(c, r, "compat.exclusion-broken", "destinations/amplitude.yaml",
                   repo.line_of("destinations/amplitude.yaml", "checkout_started: [email]"),
                   "Amplitude's exclusion no longer holds the renamed property back",
                   words=("email_address now reaches amplitude",),
                   suggestion_words=("exclude email_address",))
    c.true(not [f for f in r.findings() if f["rule"] == "compat.property-removed"],
           "the rename is not also reported as a removal", r.detail())


# ---- 3. references broken by renames ----------------------------------------------------------

def scenario_references(ctx):
    c = ctx.checks
    repo = ctx.shop_repo("references")

    # order_completed.revenue: three destinations map it.
    repo.branch("revenue")
    repo.replace(ORDER, "  revenue: {type: number", "  total_revenue: {type: number")
    repo.commit("rename revenue")
    r = ctx.steward("check", "--base", "main", "--format", "json", cwd=repo.path)
    c.true(r.code == 1, "revenue renamed: exit 1", r.detail())
    for destination, field in (("amplitude", "to: revenue"), ("braze", "to: purchase_value"),
                               ("google_ads", "to: conversion_value")):
        path = f"destinations/{destination}.yaml"
        expect_finding(c, r, "compat.mapping-broken", path, repo.line_of(path, field),
                       f"revenue renamed: the mapping of {destination}",
                       words=("renamed to total_revenue",),
                       suggestion_words=("properties.total_revenue",))

    # order_completed.email: hashed by hash_email, mapped by google_ads, excluded by amplitude.
    repo.branch("email")
    repo.replace(ORDER, "  email: {$ref: email}", "  email_address: {$ref: email}")
    repo.commit("rename email")
    r = ctx.steward("check", "--base", "main", "--format", "json", cwd=repo.path)
    c.true(r.code == 1, "email renamed: exit 1", r.detail())
    transformations = "destinations/transformations.yaml"
    expect_finding(c, r, "compat.transformation-read-broken", transformations,
                   repo.line_of(transformations, "reads: [email]"),
                   "email renamed: what hash_email reads", words=("hash_email", "email_address"))
    expect_finding(c, r, "compat.transformation-write-broken", transformations,
                   repo.line_of(transformations, "writes: {email:"),
                   "email renamed: what hash_email rewrites",
                   words=("email_address is no longer rewritten",))
    expect_finding(c, r, "compat.mapping-broken", "destinations/google_ads.yaml",
                   repo.line_of("destinations/google_ads.yaml", "from: properties.email"),
                   "email renamed: google_ads' mapping", words=("hashed_email",))
    expect_finding(c, r, "compat.exclusion-broken", "destinations/amplitude.yaml",
                   repo.line_of("destinations/amplitude.yaml", "order_completed: [email,"),
                   "email renamed: amplitude's exclusion",
                   words=("email_address now reaches amplitude",))

    # profile_updated.phone: the only property the phone match key can read.
    repo.branch("phone")
    repo.replace(ACCOUNT, "  phone: {type:", "  phone_number: {type:")
    repo.commit("rename phone")
    r = ctx.steward("check", "--base", "main", "--format", "json", cwd=repo.path)
    c.true(r.code == 1, "phone renamed: exit 1", r.detail())
    identity = "identity/identity.yaml"
    expect_finding(c, r, "compat.match-key-broken", identity,
                   repo.line_of(identity, "from: traits.phone"),
                   "phone renamed: the identity match key", words=("phone_number",),
                   suggestion_words=("traits.phone_number",))
    expect_finding(c, r, "compat.mapping-broken", "destinations/braze.yaml",
                   repo.line_of("destinations/braze.yaml", "from: properties.phone"),
                   "phone renamed: braze's mapping")

    # Removed rather than renamed: the messages say so, and the fix keeps the property.
    repo.branch("no-phone", "main")
    repo.replace(ACCOUNT, "  phone: {type:", "  # phone: {type:")
    repo.commit("remove phone")
    r = ctx.steward("check", "--base", "main", "--format", "json", cwd=repo.path)
    expect_finding(c, r, "compat.match-key-broken", identity,
                   repo.line_of(identity, "from: traits.phone"),
                   "phone removed: the identity match key", words=("was removed",),
                   suggestion_words=("keep phone",))
    removed = [f for f in r.findings() if f["rule"] == "compat.property-removed"]
    c.true(len(removed) == 1 and removed[0].get("base_file") == ACCOUNT,
           "phone removed: compat.property-removed points into base", r.detail())


SCENARIOS = [scenario_incident, scenario_demo, scenario_references]


if __name__ == "__main__":
    # 120 s a steward run, as this driver always allowed (the default is 60).
    sys.exit(run_scenarios(__doc__, SCENARIOS, "steward-incident-", timeout=120))
