"""Shared by the catalog and export tests: ci_common's checks and helpers, a hostile repository,
and the rule that a missing tool skips locally but fails in CI (CI=true)."""

import os
import shutil
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "ci"))
import ci_common  # noqa: E402,F401

SKIP = ci_common.SKIP

# Text from a repository that must come out inert: HTML, script, Jinja, Go templates, PromQL.
HOSTILE_DESCRIPTION = ("<img src=x onerror=\"document.title='owned'\"></script><script>"
                       "document.title='owned'</script> {{ run_query('drop table x') }} {% raw %}")
HOSTILE_DESTINATION = 'wh"} or vector(1) #'
HOSTILE_TEAM = "{{ .Value }}"


def require_tool(name):
    """The path of tool NAME; without it, skip (exit 77), or fail when CI=true."""
    path = shutil.which(name)
    if path:
        return path
    if os.environ.get("CI") == "true":
        print(f"FAILED: {name} is not installed, and CI=true does not allow skipping "
              "(scripts/install-deps --with-tests installs it)")
        sys.exit(1)
    print(f"SKIP: {name} is not installed (scripts/install-deps --with-tests installs it)")
    sys.exit(SKIP)


def hostile_repository(work):
    """A git repository whose names and descriptions try to break out of every output format."""
    repo = ci_common.init_repo(ci_common.temp_dir(work, "hostile"))
    files = {
        "steward.yaml": "source_url: https://git.example.com/data/blob/main/{path}#L{line}\n",
        "governance.yaml": (
            f"kind: team\nname: '{HOSTILE_TEAM}'\n---\nkind: team\nname: team-a\n---\n"
            f"kind: slo\ndestination: '{HOSTILE_DESTINATION}'\nowner: '{HOSTILE_TEAM}'\n"
            "delivery_error_rate: 1%\nschema_violation_rate: 0.5%\nlatency_p95: 5m\n"
            "dead_letter_backlog: 100\n"),
        "plan.yaml": (
            "kind: source\nname: web\n---\n"
            "kind: event\nname: signed_up\nowner: team-a\nsources: [web]\n"
            f"description: {yaml_string(HOSTILE_DESCRIPTION)}\n"
            "properties:\n"
            f"  email: {{type: string, pii: user.contact.email, description: "
            f"{yaml_string(HOSTILE_DESCRIPTION)}}}\n"
            "  plan: {type: string, required: true, enum: [free, pro], pii: none}\n"),
        "destinations.yaml": (
            f"kind: destination\nname: '{HOSTILE_DESTINATION}'\ncategory: warehouse\n"
            "events: \"*\"\nallow_pii: [user]\n"
            f"description: {yaml_string(HOSTILE_DESCRIPTION)}\n"),
    }
    for name, text in files.items():
        with open(os.path.join(repo, name), "w", encoding="utf-8") as f:
            f.write(text)
    ci_common.commit_all(repo, "hostile names")
    return repo


def yaml_string(text):
    """TEXT as a double-quoted YAML scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
