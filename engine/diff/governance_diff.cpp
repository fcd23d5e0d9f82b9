#include <algorithm>

#include "diff/entity_diffs.h"
#include "diff/field_diff.h"
#include "diff/keyed_diff.h"

namespace steward::diff {

namespace {

std::vector<std::string> suppressions_text(const model::Identity& i) {
  std::vector<std::string> out;
  for (const auto& s : i.suppress)
    out.push_back(s.key + ": " + s.pattern);
  return out;
}

void compare_identities(const model::Identity& b, const model::Identity& h,
                        std::vector<FieldChange>& out) {
  FieldDiff d(out);
  d.text("owner", b.owner.name, h.owner.name);
  d.integer("merge.max_identifiers_per_profile", b.max_identifiers_per_profile,
            h.max_identifiers_per_profile);
  d.text("merge.on_conflict", b.on_conflict, h.on_conflict);
  d.list("suppress", suppressions_text(b), suppressions_text(h));
  d.text("description", b.description, h.description);
}

void compare_match_keys(const model::MatchKey& b, const model::MatchKey& h,
                        std::vector<FieldChange>& out) {
  FieldDiff d(out);
  d.text("from", b.from.name, h.from.name);
  d.integer("precedence", b.precedence, h.precedence);
  d.list("normalize", b.normalize, h.normalize);
  d.refs("consent", b.consent, h.consent);
}

void compare_teams(const model::Team& b, const model::Team& h, std::vector<FieldChange>& out) {
  FieldDiff d(out);
  d.list("reviewers", b.reviewers, h.reviewers);
  d.text("description", b.description, h.description);
}

void compare_slos(const model::Slo& b, const model::Slo& h, std::vector<FieldChange>& out) {
  FieldDiff d(out);
  d.text("delivery_error_rate", b.delivery_error_rate, h.delivery_error_rate);
  d.text("schema_violation_rate", b.schema_violation_rate, h.schema_violation_rate);
  d.text("latency_p95", b.latency_p95, h.latency_p95);
}

void diff_match_keys(const model::Model& base, const model::Model& head,
                     std::vector<MatchKeyChange>& out) {
  for (const auto& identity : head.identities) {
    std::vector<const model::MatchKey*> before;
    for (const auto& other : base.identities) {
      if (other.name == identity.name) before = pointers(other.match_keys);
    }
    size_t first = out.size();
    diff_keyed<model::MatchKey, MatchKeyChange>(
        before, pointers(identity.match_keys), [](const model::MatchKey& k) { return k.key; },
        compare_match_keys, out);
    for (size_t i = first; i < out.size(); ++i)
      out[i].identity = identity.name;
  }
  // Keys of an identity removed altogether.
  for (const auto& identity : base.identities) {
    bool kept = std::any_of(head.identities.begin(), head.identities.end(),
                            [&](const model::Identity& i) { return i.name == identity.name; });
    if (kept) continue;
    size_t first = out.size();
    diff_keyed<model::MatchKey, MatchKeyChange>(
        pointers(identity.match_keys), {}, [](const model::MatchKey& k) { return k.key; },
        compare_match_keys, out);
    for (size_t i = first; i < out.size(); ++i)
      out[i].identity = identity.name;
  }
}

void diff_entries(const std::vector<model::Ref>& base, const std::vector<model::Ref>& head,
                  const char* entry, std::vector<TaxonomyEntryChange>& out) {
  auto has = [](const std::vector<model::Ref>& refs, const std::string& name) {
    return std::any_of(refs.begin(), refs.end(),
                       [&](const model::Ref& r) { return r.name == name; });
  };
  for (const auto& r : head) {
    if (!has(base, r.name)) out.push_back({ChangeKind::added, entry, r.name, r.span});
  }
  for (const auto& r : base) {
    if (!has(head, r.name)) out.push_back({ChangeKind::removed, entry, r.name, r.span});
  }
}

}  // namespace

void diff_governance(const model::Model& base, const model::Model& head, ChangeSet& out) {
  diff_keyed<model::Identity, IdentityChange>(
      pointers(base.identities), pointers(head.identities),
      [](const model::Identity& i) { return i.name; }, compare_identities, out.identities);
  diff_match_keys(base, head, out.match_keys);
  diff_keyed<model::Team, TeamChange>(
      pointers(base.teams), pointers(head.teams), [](const model::Team& t) { return t.name; },
      compare_teams, out.teams);
  diff_keyed<model::Slo, SloChange>(
      pointers(base.slos), pointers(head.slos),
      [](const model::Slo& s) { return s.destination.name; }, compare_slos, out.slos);
  diff_entries(base.taxonomy.pii_categories, head.taxonomy.pii_categories, "pii_category",
               out.taxonomy);
  diff_entries(base.taxonomy.consent_purposes, head.taxonomy.consent_purposes, "consent_purpose",
               out.taxonomy);
}

}  // namespace steward::diff
