#!/usr/bin/env python3
"""Generates a large customer-data repository for benchmarks: N event files (about 2.3 KB each),
a property library, sources, destinations, teams, a taxonomy and identity rules, committed as a
base commit; then a head commit that changes `--changed` event files.

    generate_repository.py DIR [--events 5000] [--changed 3]
"""
import argparse
import os
import random
import subprocess

TEAMS = ["team-checkout", "team-growth", "team-data", "team-catalog", "team-security"]
DOMAINS = ["commerce", "catalog", "account", "marketing", "support"]


def event_yaml(i, variant=0):
    lines = [
        "kind: event",
        f"name: event_{i:05d}",
        f"description: Generated event number {i} for the benchmark, with nested properties.",
        f"owner: {TEAMS[i % len(TEAMS)]}",
        f"domain: {DOMAINS[i % len(DOMAINS)]}",
        "status: active",
        "sources: [web, ios, android]",
        "properties:",
        "  order_id: {$ref: order_id}",
        "  currency: {$ref: currency}",
        "  total: {type: number, required: true, minimum: 0, pii: none}",
        "  coupon_code: {type: [string, \"null\"], max_length: 32, pii: none}",
        "  email: {$ref: email}",
        "  items:",
        "    type: array",
        "    min_items: 1",
        "    max_items: 100",
        "    pii: none",
        "    items:",
        "      type: object",
        "      properties:",
        "        sku: {type: string, required: true, pattern: \"^[A-Z0-9-]{4,20}$\", pii: none}",
        "        name: {type: string, max_length: 200, pii: none}",
        "        price: {type: number, minimum: 0, pii: none}",
        "        quantity: {type: integer, minimum: 1, maximum: 999, pii: none}",
        "        category: {type: string, enum: [apparel, shoes, home, beauty, toys], pii: none}",
        "  shipping:",
        "    type: object",
        "    pii: user.contact.address",
        "    properties:",
        "      country: {type: string, min_length: 2, max_length: 2, pii: none}",
        "      postal_code: {type: string, pii: user.contact.address.postal_code}",
        "      method: {type: string, enum: [standard, express, pickup], pii: none}",
        "  device:",
        "    type: object",
        "    pii: none",
        "    properties:",
        "      os: {type: string, enum: [ios, android, web], pii: none}",
        "      app_version: {type: string, pattern: \"^[0-9]+\\\\.[0-9]+\\\\.[0-9]+$\", pii: none}",
        "      screen_width: {type: integer, minimum: 0, pii: none}",
        "  experiment: {type: [string, \"null\"], description: The A/B test arm, pii: none}",
        "  is_first_purchase: {type: boolean, pii: none}",
        "  payment_method: {type: string, enum: [card, paypal, klarna, gift_card], pii: none}",
        "  discount: {type: number, minimum: 0, pii: none}",
        "  tax: {type: number, minimum: 0, pii: none}",
        "  shipping_cost: {type: number, minimum: 0, pii: none}",
    ]
    if variant:
        lines.append(f"  loyalty_points_{variant}: {{type: integer, minimum: 0, pii: none}}")
    return "\n".join(lines) + "\n"


STATIC_FILES = {
    "governance/teams.yaml": "\n---\n".join(
        f"kind: team\nname: {t}\nreviewers: [\"@acme/{t}\"]" for t in TEAMS) + "\n",
    "governance/taxonomy.yaml": """kind: taxonomy
pii_categories: [user.contact.email, user.contact.email.hashed, user.contact.address,
  user.contact.address.postal_code, user.device.ip, user.id]
consent_purposes: [essential, analytics, marketing, advertising, personalization]
""",
    "tracking-plan/properties.yaml": """kind: property
name: order_id
type: string
required: true
pii: none
---
kind: property
name: currency
type: string
enum: [EUR, USD, GBP]
pii: none
---
kind: property
name: email
type: string
format: email
pii: user.contact.email
""",
    "destinations/sources.yaml": "\n---\n".join(
        f"kind: source\nname: {s}\nplatform: {s}\nenvironments: [staging, production]"
        for s in ["web", "ios", "android"]) + "\n",
    "destinations/warehouse.yaml": """kind: destination
name: warehouse
category: warehouse
environments: [staging, production]
region: eu
allow_pii: [user]
events: "*"
""",
    "destinations/ads.yaml": """kind: destination
name: ads
category: advertising
environments: [production]
region: us
consent: [advertising]
allow_pii: [user.contact.email.hashed]
events: "*"
exclude_properties: {}
transformations: [hash_email]
""",
    "destinations/transformations.yaml": """kind: transformation
name: hash_email
events: "*"
reads: [email]
writes: {email: user.contact.email.hashed}
""",
    "identity/identity.yaml": """kind: identity
name: default
owner: team-security
match_keys:
  - {key: user_id, precedence: 1}
  - {key: email, from: traits.email, precedence: 2, normalize: [trim, lowercase], consent: [personalization]}
merge: {max_identifiers_per_profile: 50, on_conflict: keep_highest_precedence}
""",
}


def git(repo, *args):
    subprocess.run(["git", "-c", "user.name=bench", "-c", "user.email=bench@example.com",
                    "-c", "init.defaultBranch=main", *args], cwd=repo, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dir")
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--changed", type=int, default=3)
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    for path, text in STATIC_FILES.items():
        os.makedirs(os.path.join(args.dir, os.path.dirname(path)), exist_ok=True)
        with open(os.path.join(args.dir, path), "w") as f:
            f.write(text)
    for i in range(args.events):
        folder = os.path.join(args.dir, "tracking-plan", DOMAINS[i % len(DOMAINS)])
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, f"event_{i:05d}.yaml"), "w") as f:
            f.write(event_yaml(i))
    git(args.dir, "init")
    git(args.dir, "add", "-A")
    git(args.dir, "commit", "-m", "base")
    rng = random.Random(7)
    for n, i in enumerate(rng.sample(range(args.events), args.changed)):
        with open(os.path.join(args.dir, "tracking-plan", DOMAINS[i % len(DOMAINS)],
                               f"event_{i:05d}.yaml"), "w") as f:
            f.write(event_yaml(i, variant=n + 1))
    git(args.dir, "checkout", "-b", "change")
    git(args.dir, "commit", "-am", "head: a few events change")


if __name__ == "__main__":
    main()
