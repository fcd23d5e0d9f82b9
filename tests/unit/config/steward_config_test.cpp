#include "config/steward_config.h"

#include <doctest/doctest.h>

#include "source/input_error.h"

using steward::InputError;
using steward::make_source;
using steward::Severity;
using steward::config::default_packs;
using steward::config::fail_on_name;
using steward::config::fail_on_names;
using steward::config::FailOn;
using steward::config::parse_fail_on;
using steward::config::parse_steward_config;
using steward::config::StewardConfig;

namespace {

StewardConfig parse(const std::string& text) {
  return parse_steward_config(make_source("steward.yaml", text));
}

// The InputError that parsing `text` throws; fails the test when it throws none.
InputError error_of(const std::string& text) {
  try {
    parse(text);
  } catch (const InputError& e) {
    return e;
  }
  FAIL("no InputError for: " << text);
  return InputError("");
}

}  // namespace

TEST_SUITE("steward_config") {
  TEST_CASE("every key") {
    StewardConfig config = parse(
        "paths: [tracking-plan, destinations]\n"
        "exclude: ['**/drafts/**']\n"
        "packs: [stdlib:pii, ./policies]\n"
        "severity: {governance.description-required: warning, pii.x: off, a.b: note, c.d: error}\n"
        "fail_on: warning\n"
        "x-team-note: anything\n"
        "waivers:\n"
        "  - rule: compat.property-removed\n"
        "    target: checkout_started.coupon\n"
        "    reason: never sent (DATA-123)\n"
        "    approved_by: team-data\n"
        "    expires: 2026-12-31\n"
        "  - {rule: pii.y, reason: ok, approved_by: team-security}\n");
    CHECK(config.found);
    CHECK(config.paths == std::vector<std::string>{"tracking-plan", "destinations"});
    CHECK(config.exclude == std::vector<std::string>{"**/drafts/**"});
    CHECK(config.packs == std::vector<std::string>{"stdlib:pii", "./policies"});
    REQUIRE(config.severity.size() == 4);
    CHECK(config.severity["governance.description-required"].severity == Severity::warning);
    CHECK(config.severity["governance.description-required"].span.line == 4);
    CHECK(config.severity["governance.description-required"].span.column == 12);
    CHECK_FALSE(config.severity["pii.x"].severity.has_value());  // off
    CHECK(config.severity["a.b"].severity == Severity::note);
    CHECK(config.severity["c.d"].severity == Severity::error);
    CHECK(config.fail_on == FailOn::warning);
    REQUIRE(config.waivers.size() == 2);
    const auto& waiver = config.waivers[0];
    CHECK(waiver.rule == "compat.property-removed");
    CHECK(waiver.target == "checkout_started.coupon");
    CHECK(waiver.reason == "never sent (DATA-123)");
    CHECK(waiver.approved_by == "team-data");
    CHECK(waiver.expires == "2026-12-31");
    CHECK(waiver.span.line == 8);
    CHECK(waiver.span.column == 5);
    CHECK(config.waivers[1].target == "*");  // no target: everything
    CHECK(config.waivers[1].expires.empty());
    CHECK(config.source->path() == "steward.yaml");
  }

  TEST_CASE("defaults: an empty steward.yaml") {
    for (const char* text : {"", "# nothing yet\n", "---\n"}) {
      StewardConfig config = parse(text);
      CHECK(config.found);
      CHECK(config.paths.empty());
      CHECK(config.exclude.empty());
      CHECK(config.packs == default_packs());
      CHECK(config.severity.empty());
      CHECK(config.fail_on == FailOn::error);
      CHECK(config.waivers.empty());
    }
    CHECK(default_packs() == std::vector<std::string>{"stdlib:compat", "stdlib:pii",
                                                      "stdlib:consent", "stdlib:identity",
                                                      "stdlib:governance"});
  }

  TEST_CASE("a single path may be written without brackets; empty lists are empty") {
    StewardConfig config = parse("paths: tracking-plan\nexclude:\nseverity:\nwaivers:\n");
    CHECK(config.paths == std::vector<std::string>{"tracking-plan"});
    CHECK(config.exclude.empty());
    CHECK(config.waivers.empty());
  }

  TEST_CASE("fail_on levels") {
    CHECK(parse("fail_on: error\n").fail_on == FailOn::error);
    CHECK(parse("fail_on: note\n").fail_on == FailOn::note);
    CHECK(parse("fail_on: never\n").fail_on == FailOn::never);
  }

  TEST_CASE("one table of fail_on levels: names and parsing agree") {
    // steward.yaml's fail_on, --fail-on and every report read and print the levels from it.
    CHECK(fail_on_names() == std::vector<std::string>{"error", "warning", "note", "never"});
    for (const std::string& name : fail_on_names()) {
      auto level = parse_fail_on(name);
      REQUIRE(level.has_value());
      CHECK(fail_on_name(*level) == name);
      CHECK(parse("fail_on: " + name + "\n").fail_on == *level);
    }
    CHECK_FALSE(parse_fail_on("errors").has_value());
    CHECK_FALSE(parse_fail_on("").has_value());
  }

  TEST_CASE("an unknown key: where, and did you mean") {
    InputError e = error_of("paths: [a]\npakcs: [stdlib:pii]\n");
    CHECK(std::string(e.what()) == "steward.yaml:2:1: unknown key 'pakcs' in steward.yaml");
    CHECK(e.fix() == "did you mean 'packs'?");
    InputError far = error_of("colour: red\n");
    CHECK(std::string(far.what()).starts_with("steward.yaml:1:1: unknown key 'colour'"));
    CHECK(far.fix() ==
          "steward.yaml has paths, exclude, packs, severity, fail_on, waivers, docs_url, "
          "coverage, source_url and traffic");
  }

  TEST_CASE("coverage: a minimum in percent, with or without %") {
    CHECK(!parse("paths: [a]\n").coverage_minimum);
    CHECK(parse("coverage: {minimum: 90%}\n").coverage_minimum == 90.0);
    CHECK(parse("coverage: {minimum: 99.5}\n").coverage_minimum == 99.5);
    CHECK(parse("coverage: {minimum: 0%}\n").coverage_minimum == 0.0);
    for (const char* bad : {"coverage: {minimum: lots}\n", "coverage: {minimum: 150%}\n",
                            "coverage: {minimum: -1}\n", "coverage: {minimum: 90%%}\n",
                            "coverage: {minimum: nan}\n", "coverage: {minimum: \"\"}\n"}) {
      INFO(bad);
      InputError e = error_of(bad);
      CHECK(std::string(e.what()).starts_with("steward.yaml:1:21: coverage minimum"));
    }
    CHECK(std::string(error_of("coverage: {minimun: 90}\n").what()) ==
          "steward.yaml:1:12: unknown coverage key 'minimun'");
    CHECK(std::string(error_of("coverage: 90%\n").what()) ==
          "steward.yaml:1:11: 'coverage' must be a mapping");
  }

  TEST_CASE("docs_url: an absolute URL with {rule}") {
    CHECK(parse("docs_url: https://wiki.example.com/steward/{rule}\n").docs_url ==
          "https://wiki.example.com/steward/{rule}");
    CHECK(parse("paths: [a]\n").docs_url.empty());
    InputError relative = error_of("docs_url: docs/rules/{rule}.md\n");
    CHECK(std::string(relative.what()).starts_with("steward.yaml:1:11: docs_url"));
    CHECK(error_of("docs_url: https://wiki.example.com/steward\n").fix().find("{rule}") !=
          std::string::npos);
    CHECK(error_of("docs_url: [a]\n").fix() != "");
    CHECK(error_of("docs_ulr: x\n").fix() == "did you mean 'docs_url'?");
  }

  TEST_CASE("source_url: an absolute URL with {path}, for the catalog's links") {
    CHECK(parse("source_url: https://github.com/acme/data/blob/main/{path}#L{line}\n").source_url ==
          "https://github.com/acme/data/blob/main/{path}#L{line}");
    CHECK(parse("paths: [a]\n").source_url.empty());
    InputError relative = error_of("source_url: blob/{path}\n");
    CHECK(std::string(relative.what()).starts_with("steward.yaml:1:13: source_url"));
    CHECK(error_of("source_url: https://github.com/acme/data\n").fix().find("{path}") !=
          std::string::npos);
    // It goes into an HTML attribute: a quote or an angle bracket is refused outright.
    CHECK_THROWS_AS(parse("source_url: 'https://x.example/{path}\"><script>'\n"), InputError);
    CHECK(error_of("source_ur: x\n").fix() == "did you mean 'source_url'?");
  }

  TEST_CASE("a bad severity") {
    InputError e = error_of("severity:\n  pii.x: fatal\n");
    CHECK(std::string(e.what()) == "steward.yaml:2:10: unknown severity 'fatal' for pii.x");
    CHECK(e.fix() == "use one of: error, warning, note, off");
    InputError not_a_map = error_of("severity: [a]\n");
    CHECK(std::string(not_a_map.what()).starts_with("steward.yaml:1:11: 'severity' must map"));
  }

  TEST_CASE("a bad fail_on") {
    InputError e = error_of("fail_on: errors\n");
    CHECK(std::string(e.what()) == "steward.yaml:1:10: unknown fail_on level 'errors'");
    CHECK(e.fix() == "use one of: error, warning, note, never");
    InputError empty = error_of("paths: [a]\nfail_on:\n");
    CHECK(std::string(empty.what()) ==
          "steward.yaml:2:1: 'fail_on' must be a single value, not a null");
  }

  TEST_CASE("a waiver without reason or approved_by") {
    InputError no_reason = error_of(
        "waivers:\n"
        "  - rule: compat.property-removed\n"
        "    approved_by: team-data\n");
    CHECK(std::string(no_reason.what()) ==
          "steward.yaml:2:5: the waiver for compat.property-removed has no `reason`");
    CHECK_FALSE(no_reason.fix().empty());
    InputError no_approval = error_of(
        "waivers:\n"
        "  - {rule: compat.property-removed, reason: old}\n");
    CHECK(std::string(no_approval.what()) ==
          "steward.yaml:2:5: the waiver for compat.property-removed has no `approved_by`");
    InputError no_rule = error_of("waivers:\n  - {reason: old, approved_by: t}\n");
    CHECK(std::string(no_rule.what()) == "steward.yaml:2:5: a waiver needs a `rule`");
    InputError typo = error_of("waivers:\n  - {rule: a, reson: old, approved_by: t}\n");
    CHECK(std::string(typo.what()) == "steward.yaml:2:15: unknown waiver key 'reson'");
    CHECK(typo.fix() == "did you mean 'reason'?");
    InputError scalar = error_of("waivers:\n  - compat.property-removed\n");
    CHECK(std::string(scalar.what()) == "steward.yaml:2:5: a waiver must be a mapping");
  }

  TEST_CASE("a bad expires date") {
    const std::string waiver = "waivers:\n  - rule: a\n    reason: b\n    approved_by: c\n";
    InputError e = error_of(waiver + "    expires: 31/12/2026\n");
    CHECK(std::string(e.what()) ==
          "steward.yaml:5:14: expires must be a date YYYY-MM-DD, not '31/12/2026'");
    CHECK(e.fix() == "write e.g. `expires: 2026-12-31`");
    CHECK(std::string(error_of(waiver + "    expires: 2026-13-01\n").what())
              .starts_with("steward.yaml:5:14: expires must be a date"));
    CHECK(std::string(error_of(waiver + "    expires: 2026-12-32\n").what())
              .starts_with("steward.yaml:5:14: expires must be a date"));
    CHECK(std::string(error_of(waiver + "    expires: 2026-1-1\n").what())
              .starts_with("steward.yaml:5:14: expires must be a date"));
    // Days that do not exist: the calendar decides, not "day 1 to 31".
    CHECK(std::string(error_of(waiver + "    expires: 2027-02-30\n").what())
              .starts_with("steward.yaml:5:14: expires must be a date"));
    CHECK(std::string(error_of(waiver + "    expires: 2026-04-31\n").what())
              .starts_with("steward.yaml:5:14: expires must be a date"));
    CHECK(parse(waiver + "    expires: 2028-02-29\n").waivers.at(0).expires == "2028-02-29");
  }

  TEST_CASE("paths and exclude stay inside the repository, with their places") {
    CHECK(std::string(error_of("paths: [/etc]\n").what()) ==
          "steward.yaml:1:9: '/etc' in 'paths' is not inside the repository");
    CHECK(std::string(error_of("paths: [a, ../../../../etc]\n").what()) ==
          "steward.yaml:1:12: '../../../../etc' in 'paths' is not inside the repository");
    CHECK(std::string(error_of("exclude: [a/../../b]\n").what())
              .starts_with("steward.yaml:1:11: 'a/../../b' in 'exclude'"));
    StewardConfig config = parse("paths:\n  - tracking-plan\n  - destinations\n");
    REQUIRE(config.path_spans.size() == 2);
    CHECK(config.path_spans[1].line == 3);
    CHECK(config.path_spans[1].column == 5);
  }

  TEST_CASE("a path pattern longer than the documented limit is refused, not matched") {
    std::string stars(150000, '*');
    InputError e = error_of("exclude: [\"" + stars + "x\"]\n");
    CHECK(std::string(e.what()).find("more than the limit of 1024") != std::string::npos);
    CHECK(parse("exclude: [\"" + std::string(1024, '*') + "\"]\n").exclude.size() == 1);
  }

  TEST_CASE("wrong shapes and syntax errors are InputErrors with the place") {
    CHECK(std::string(error_of("paths: {a: b}\n").what()) ==
          "steward.yaml:1:8: 'paths' must be a list");
    CHECK(std::string(error_of("packs: [[a]]\n").what()) ==
          "steward.yaml:1:9: 'packs' must be a single value, not a list");
    CHECK(std::string(error_of("- a\n- b\n").what()) ==
          "steward.yaml:1:1: steward.yaml must be a mapping");
    CHECK(std::string(error_of("paths: [a]\n---\npaths: [b]\n").what()) ==
          "steward.yaml:3:1: steward.yaml must hold one document");
    InputError syntax = error_of("paths: [a\nfail_on: error\n");
    CHECK(std::string(syntax.what()).starts_with("steward.yaml:"));
    CHECK(std::string(syntax.what()).find("invalid YAML") != std::string::npos);
    CHECK(syntax.fix() == "fix the syntax of steward.yaml");
    InputError duplicate = error_of("paths: [a]\npaths: [b]\n");
    CHECK(std::string(duplicate.what()) ==
          "steward.yaml:2:1: key 'paths' appears twice in this mapping");
  }
}

TEST_SUITE("git packs in steward.yaml") {
  using steward::config::parse_git_pack;

  TEST_CASE("git+URL@REF#path is split into its parts; other entries are not git packs") {
    auto spec = parse_git_pack("git+https://host/org/packs.git@v1.4.0#path/in/repo/");
    REQUIRE(spec);
    CHECK(spec->url == "https://host/org/packs.git");
    CHECK(spec->ref == "v1.4.0");
    CHECK(spec->path == "path/in/repo");
    auto ssh = parse_git_pack("git+ssh://git@host/org/packs.git@release/2.0");
    REQUIRE(ssh);
    CHECK(ssh->url == "ssh://git@host/org/packs.git");
    CHECK(ssh->ref == "release/2.0");
    CHECK(ssh->path == "");
    CHECK_FALSE(parse_git_pack("./policies"));
    CHECK_FALSE(parse_git_pack("stdlib:pii"));
  }

  TEST_CASE("a git pack is kept as written, not folded like a path") {
    StewardConfig config = parse("packs: ['git+file:///srv/packs.git@v1#security']\n");
    CHECK(config.packs == std::vector<std::string>{"git+file:///srv/packs.git@v1#security"});
  }

  TEST_CASE("a bare URL, a git pack without a ref, a path that climbs: exit 2 at the entry") {
    InputError url = error_of("packs: [stdlib:pii, 'https://host/org/packs.git']\n");
    CHECK(std::string(url.what()) ==
          "steward.yaml:1:21: the pack 'https://host/org/packs.git' is a URL, not a folder");
    CHECK(url.fix().find("git+https://host/org/packs.git@v1.0.0") != std::string::npos);
    InputError no_ref = error_of("packs:\n  - git+https://host/org/packs.git#x\n");
    CHECK(std::string(no_ref.what()).starts_with("steward.yaml:2:5: the pack"));
    CHECK(no_ref.fix().find("pin the pack to a tag or a commit") != std::string::npos);
    InputError climbs = error_of("packs: ['git+https://host/p.git@v1#../x']\n");
    CHECK(std::string(climbs.what()).find("leaves its repository") != std::string::npos);
  }
}
