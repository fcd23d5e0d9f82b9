#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "config/fail_on.h"
#include "config/traffic_criteria.h"
#include "source/diagnostic.h"
#include "source/span.h"

namespace steward::config {

// A rule's configured severity: one of the three, or off.
struct SeverityOverride {
  std::optional<Severity> severity;  // nullopt = off
  Span span;
};

struct Waiver {
  std::string rule;
  std::string target;  // what it covers: "event", "event.property.path", a destination name, or "*"
  std::string reason;
  std::string approved_by;
  std::string expires;  // ISO date YYYY-MM-DD; empty = never
  Span span;            // the waiver's entry in steward.yaml (an expired waiver is reported here)
};

// steward.yaml. Errors in it are steward::InputError (exit 2), with the file:line and the fix.
struct StewardConfig {
  bool found = false;              // false: no steward.yaml, defaults apply
  std::string project_dir;         // the folder of steward.yaml, relative to the repository root
  std::vector<std::string> paths;  // empty: the whole repository
  std::vector<Span> path_spans;    // where each entry of `paths` is written, for errors
  std::vector<std::string> exclude;
  std::vector<std::string> packs;  // default: every stdlib pack
  std::map<std::string, SeverityOverride> severity;
  FailOn fail_on = FailOn::error;
  std::vector<Waiver> waivers;
  // `docs_url:` the documentation of the team's own rules, "{rule}" standing for the rule id
  // (https://wiki.example.com/steward/{rule}); empty: none.
  std::string docs_url;
  // `coverage: {minimum: 90%}`: the lowest policy coverage (docs/kpis.md) a revision may have, in
  // percent; nullopt: no minimum. Rule governance.coverage-minimum and `steward coverage` use it.
  std::optional<double> coverage_minimum;
  // `source_url:` the repository's web view of a file at a line, for the catalog's links back to
  // each definition: "{path}" and "{line}" stand for them
  // (https://github.com/acme/data/blob/main/{path}#L{line}); empty: links are relative paths.
  std::string source_url;
  TrafficCriteria traffic;  // `traffic:` success criteria of validate, replay, identity simulate
  SourceRef source;         // steward.yaml's text, for code frames
};

// The longest `paths` or `exclude` entry steward.yaml may hold; no real glob comes near it, and
// matching stays cheap.
inline constexpr size_t kMaxPathPatternLength = 1024;

// A pack published in a git repository: `git+URL@REF#path` under `packs:`
// (`git+https://host/org/packs.git@v1.4.0#policies/security`). REF is a tag, a branch or a full
// commit id; path is the pack's folder in that repository ("" for its root).
struct GitPackSpec {
  std::string url;  // without `git+`: https://..., ssh://..., file:///...
  std::string ref;
  std::string path;
};

// The parts of a `git+` entry of `packs:`; nullopt for any other entry. Throws InputError for a
// `git+` entry that cannot be one (no `@REF`, a path that climbs out with `..`).
std::optional<GitPackSpec> parse_git_pack(const std::string& spec);

// The packs run when steward.yaml names none.
std::vector<std::string> default_packs();

// Parses steward.yaml text. `path` is for messages. Throws InputError on any problem.
StewardConfig parse_steward_config(const SourceRef& source);

}  // namespace steward::config
