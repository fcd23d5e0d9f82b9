#include <algorithm>

#include "diff/entity_diffs.h"
#include "diff/field_diff.h"
#include "diff/keyed_diff.h"
#include "diff/table_diff.h"

namespace steward::diff {

namespace {

void diff_match_keys(const model::Model& base, const model::Model& head,
                     std::vector<MatchKeyChange>& out) {
  for (const auto& identity : head.identities) {
    std::vector<const model::MatchKey*> before;
    for (const auto& other : base.identities) {
      if (other.name == identity.name) before = pointers(other.match_keys);
    }
    size_t first = out.size();
    diff_keyed<model::MatchKey, MatchKeyChange>(
        before, pointers(identity.match_keys),
        [](const model::MatchKey& k) -> const std::string& { return k.key; },
        compare_entities<model::MatchKey>, out);
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
        pointers(identity.match_keys), {},
        [](const model::MatchKey& k) -> const std::string& { return k.key; },
        compare_entities<model::MatchKey>, out);
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
      [](const model::Identity& i) -> const std::string& { return i.name; },
      compare_entities<model::Identity>, out.identities);
  diff_match_keys(base, head, out.match_keys);
  diff_keyed<model::Team, TeamChange>(
      pointers(base.teams), pointers(head.teams),
      [](const model::Team& t) -> const std::string& { return t.name; },
      compare_entities<model::Team>, out.teams);
  diff_keyed<model::Slo, SloChange>(
      pointers(base.slos), pointers(head.slos),
      [](const model::Slo& s) -> const std::string& { return s.destination.name; },
      compare_entities<model::Slo>, out.slos);
  diff_entries(base.taxonomy.pii_categories, head.taxonomy.pii_categories, "pii_category",
               out.taxonomy);
  diff_entries(base.taxonomy.consent_purposes, head.taxonomy.consent_purposes, "consent_purpose",
               out.taxonomy);
}

}  // namespace steward::diff
