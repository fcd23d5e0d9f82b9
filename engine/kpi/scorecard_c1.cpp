// Checklist C1, "if you DIY, you must codify": one function per item.
#include <algorithm>
#include <set>

#include "kpi/coverage.h"
#include "kpi/scorecard_evidence.h"

namespace steward::kpi::scorecard {

namespace {

const char* const kC1 = "C1";

ScorecardItem event_schemas(const Facts& f) {
  ScorecardItem item = new_item("c1.event-schemas", kC1, "Event schemas as code");
  size_t properties = 0, untyped = 0;
  std::set<std::string> files;
  for (const auto& e : f.model.events) {
    files.insert(e.span.file());
    for (const auto* p : e.all_properties) {
      ++properties;
      if (p->types.empty() && p->ref->name.empty()) ++untyped;
    }
  }
  if (f.model.events.empty()) {
    item.evidence.push_back(looked("`kind: event` files, JSON Schemas or rudder-cli specs"));
    item.to_yes = "define the tracking plan's events as files (docs/model.md)";
    return item;
  }
  item.evidence.push_back(
      at(f.model.events.front().span, count_of(f.model.events.size(), "event", "events") + " in " +
                                          count_of(files.size(), "file", "files") + ", " +
                                          count_of(properties, "property", "properties") + ", " +
                                          std::to_string(untyped) + " without a type"));
  set_grade(item, untyped == 0 ? Grade::yes : Grade::partial, "give every property a `type:`");
  return item;
}

ScorecardItem catalog(const Facts& f) {
  ScorecardItem item = new_item("c1.catalog-from-code", kC1, "Catalog hydrated from code");
  std::vector<Evidence> published = ci_lines(f.files, {"steward", "catalog"});
  append(published, ci_lines(f.files, {"steward", "export"}));
  size_t described = static_cast<size_t>(std::count_if(
      f.model.events.begin(), f.model.events.end(),
      [](const model::Event& e) { return !e.description.empty() && !e.owner.name.empty(); }));
  if (!f.model.events.empty()) {
    item.evidence.push_back(
        at(f.model.events.front().span, std::to_string(described) + " of " +
                                            count_of(f.model.events.size(), "event", "events") +
                                            " with a description and an owner to publish"));
  }
  add_found(item, published, "`steward catalog` or `steward export` in the CI files");
  bool complete = !f.model.events.empty() && described == f.model.events.size();
  set_grade(item, grade_of({complete, !published.empty()}),
            published.empty() ? "publish `steward catalog --out site` from CI on the main branch"
                              : "give every event a `description:` and an `owner:`");
  return item;
}

ScorecardItem pipelines(const Facts& f) {
  ScorecardItem item = new_item("c1.pipelines-as-code", kC1, "Pipelines as code");
  const model::Model& m = f.model;
  if (!m.sources.empty())
    item.evidence.push_back(
        at(m.sources.front().span, count_of(m.sources.size(), "source", "sources")));
  if (!m.destinations.empty()) {
    item.evidence.push_back(at(m.destinations.front().span,
                               count_of(m.destinations.size(), "destination", "destinations") +
                                   ", " + count_of(m.routes.size(), "route", "routes") +
                                   " derived"));
  }
  if (!m.transformations.empty()) {
    item.evidence.push_back(
        at(m.transformations.front().span,
           count_of(m.transformations.size(), "transformation", "transformations")));
  }
  if (item.evidence.empty())
    item.evidence.push_back(looked("`kind: source` and `kind: destination`"));
  set_grade(item, grade_of({!m.sources.empty(), !m.destinations.empty()}),
            "declare every source and destination, with its events, as files (docs/model.md)");
  return item;
}

ScorecardItem identity(const Facts& f) {
  ScorecardItem item = new_item("c1.identity-as-code", kC1, "Identity as code");
  for (const auto& i : f.model.identities) {
    item.evidence.push_back(
        at(i.span,
           "identity " + i.name + ": " + count_of(i.match_keys.size(), "match key", "match keys")));
  }
  bool keys = std::any_of(f.model.identities.begin(), f.model.identities.end(),
                          [](const model::Identity& i) { return !i.match_keys.empty(); });
  if (f.model.identities.empty()) item.evidence.push_back(looked("`kind: identity`"));
  set_grade(item,
            keys                         ? Grade::yes
            : f.model.identities.empty() ? Grade::no
                                         : Grade::partial,
            "declare identity resolution (match keys, merge limits) as `kind: identity`");
  return item;
}

}  // namespace

ScorecardItem policy_as_code(const Facts& f, const char* id, const char* checklist) {
  ScorecardItem item = new_item(id, checklist, "Policy as code");
  item.evidence.push_back(steward_yaml(f));
  add_found(item, f.ci_check, "`steward check` in the CI files");
  set_grade(item, grade_of({f.config.found, !f.ci_check.empty()}),
            f.ci_check.empty() ? "run `steward check` on every pull request (docs/ci.md)"
                               : "commit a steward.yaml (`steward init`)");
  return item;
}

ScorecardItem observability_as_code(const Facts& f, const char* id, const char* checklist) {
  ScorecardItem item = new_item(id, checklist, "Observability as code");
  size_t production = 0, with_slo = 0;
  for (const auto& d : f.model.destinations) {
    bool in_production =
        d.environments.empty() ||
        std::any_of(d.environments.begin(), d.environments.end(),
                    [](const model::Ref& e) { return is_production_environment(e.name); });
    if (!in_production) continue;
    ++production;
    if (std::any_of(f.model.slos.begin(), f.model.slos.end(),
                    [&](const model::Slo& s) { return s.destination.name == d.name; }))
      ++with_slo;
  }
  if (!f.model.slos.empty()) {
    item.evidence.push_back(
        at(f.model.slos.front().span,
           std::to_string(with_slo) + " of " +
               count_of(production, "production destination", "production destinations") +
               " with a `kind: slo`"));
  } else {
    item.evidence.push_back(looked("`kind: slo`"));
  }
  append(item.evidence, ci_lines(f.files, {"prometheus"}));
  set_grade(
      item,
      with_slo == 0            ? Grade::no
      : with_slo == production ? Grade::yes
                               : Grade::partial,
      "give every production destination a `kind: slo` (delivery, schema violations, latency)");
  return item;
}

namespace {

ScorecardItem promotion(const Facts& f) {
  ScorecardItem item = new_item("c1.promotion-as-pull-requests", kC1, "Promotion as pull requests");
  std::vector<Evidence> triggers = ci_lines(f.files, {"pull_request"});
  append(triggers, ci_lines(f.files, {"merge_request"}));
  append(item.evidence, triggers);
  append(item.evidence, f.ci_check);
  if (triggers.empty())
    item.evidence.push_back(looked("pull_request or merge_request triggers in the CI files"));
  set_grade(item, grade_of({!triggers.empty(), !f.ci_check.empty()}),
            "run steward on every pull request (GitHub `on: pull_request`, GitLab merge request "
            "pipelines) and require it to pass");
  return item;
}

ScorecardItem runbooks(const Facts& f) {
  ScorecardItem item =
      new_item("c1.scripted-runbooks", kC1, "Replay and backfills as scripted runbooks");
  std::vector<Evidence> scripts, documents;
  for (auto& e : paths_naming(f.files, {"replay", "backfill"}, "a replay or backfill runbook", 10))
    (e.path.ends_with(".md") ? documents : scripts).push_back(std::move(e));
  append(scripts, ci_lines(f.files, {"backfill"}));
  append(scripts, ci_lines(f.files, {"replay"}));
  append(item.evidence, scripts);
  append(item.evidence, documents);
  if (item.evidence.empty())
    item.evidence.push_back(looked("files or CI jobs named replay or backfill"));
  set_grade(item,
            !scripts.empty()     ? Grade::yes
            : !documents.empty() ? Grade::partial
                                 : Grade::no,
            "script replays and backfills (a script or a manually triggered CI job named "
            "replay/backfill) instead of written steps");
  return item;
}

ScorecardItem immutable(const Facts& f) {
  ScorecardItem item = new_item("c1.immutable-by-default", kC1, "Immutable by default");
  bool compat = f.pack_enabled("stdlib:compat");
  item.evidence.push_back(steward_yaml(f));
  size_t deprecated = static_cast<size_t>(
      std::count_if(f.model.events.begin(), f.model.events.end(),
                    [](const model::Event& e) { return e.deprecated.has_value(); }));
  for (const auto& e : f.model.events) {
    if (!e.deprecated) continue;
    item.evidence.push_back(at(e.span, count_of(deprecated, "event retired", "events retired") +
                                           " by deprecation with a sunset, not edited in place"));
    break;
  }
  append(item.evidence, f.ci_check);
  set_grade(item, grade_of({compat, !f.ci_check.empty()}),
            compat ? "run `steward check` in CI so that stdlib:compat blocks breaking changes"
                   : "enable stdlib:compat (breaking changes to events fail the check)");
  return item;
}

ScorecardItem owners(const Facts& f) {
  ScorecardItem item = new_item("c1.owner-workflow", kC1, "Owner workflow with governance review");
  size_t owned = static_cast<size_t>(
      std::count_if(f.model.events.begin(), f.model.events.end(),
                    [](const model::Event& e) { return !e.owner.name.empty(); }));
  size_t reviewed =
      static_cast<size_t>(std::count_if(f.model.teams.begin(), f.model.teams.end(),
                                        [](const model::Team& t) { return !t.reviewers.empty(); }));
  for (const auto& path : f.codeowners)
    item.evidence.push_back({path, 0, "CODEOWNERS: owners review the files they own"});
  if (!f.model.events.empty())
    item.evidence.push_back(
        at(f.model.events.front().span, std::to_string(owned) + " of " +
                                            count_of(f.model.events.size(), "event", "events") +
                                            " with an owner"));
  if (!f.model.teams.empty())
    item.evidence.push_back(
        at(f.model.teams.front().span, std::to_string(reviewed) + " of " +
                                           count_of(f.model.teams.size(), "team", "teams") +
                                           " with reviewers"));
  if (f.codeowners.empty())
    item.evidence.push_back(looked("CODEOWNERS, .github/CODEOWNERS, docs/CODEOWNERS"));
  bool all_owned = !f.model.events.empty() && owned == f.model.events.size();
  bool governance = f.pack_enabled("stdlib:governance");
  set_grade(
      item, grade_of({!f.codeowners.empty(), all_owned, reviewed > 0, governance}),
      "add CODEOWNERS for the data folders, an `owner:` on every event, teams with `reviewers:`, "
      "and stdlib:governance (its rules require reviews)");
  return item;
}

}  // namespace

std::vector<ScorecardItem> score_c1(const Facts& f) {
  return {event_schemas(f),
          catalog(f),
          pipelines(f),
          identity(f),
          policy_as_code(f, "c1.policy-as-code", kC1),
          observability_as_code(f, "c1.observability-as-code", kC1),
          promotion(f),
          runbooks(f),
          immutable(f),
          owners(f)};
}

}  // namespace steward::kpi::scorecard
