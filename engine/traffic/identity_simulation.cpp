#include "traffic/identity_simulation.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <memory>
#include <unordered_map>

#include "source/ascii_lower.h"
#include "traffic/event_checker.h"
#include "traffic/ordered_batches.h"

namespace steward::traffic {

namespace {

constexpr size_t kWorstShown = 3;

std::string trim(std::string_view text) {
  size_t b = text.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return "";
  size_t e = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(b, e - b + 1));
}

// Where a key is read when the rule does not say: the spec's own fields, else the traits.
std::string default_from(const std::string& key) {
  if (key == "user_id") return "userId";
  if (key == "anonymous_id") return "anonymousId";
  if (key == "group_id") return "groupId";
  return "traits." + key;
}

struct CompiledKey {
  const model::MatchKey* rule = nullptr;
  std::string from;
  std::vector<std::string> consent;
  std::vector<std::shared_ptr<RE2>> suppress;
  bool unique = false;
};

struct RuleSet {
  const model::Identity* identity = nullptr;
  std::vector<CompiledKey> keys;
  int alias_key = -1;  // where an alias call's previousId goes

  explicit RuleSet(const model::Identity* id) : identity(id) {
    if (!identity) return;
    long long strongest = LLONG_MAX;
    for (const auto& k : identity->match_keys)
      if (k.precedence) strongest = std::min(strongest, *k.precedence);
    for (const auto& k : identity->match_keys) {
      CompiledKey key;
      key.rule = &k;
      key.from = k.from.name.empty() ? default_from(k.key) : k.from.name;
      for (const auto& purpose : k.consent)
        key.consent.push_back(ascii_lower(purpose.name));
      key.unique = k.key == "user_id" || (k.precedence && *k.precedence == strongest);
      for (const auto& s : identity->suppress) {
        if (s.key != k.key) continue;
        RE2::Options options;
        options.set_log_errors(false);
        auto re = std::make_shared<RE2>(s.pattern, options);
        if (re->ok()) key.suppress.push_back(std::move(re));
      }
      keys.push_back(std::move(key));
    }
    for (size_t i = 0; i < keys.size(); ++i)
      if (keys[i].from == "anonymousId") alias_key = static_cast<int>(i);
    for (size_t i = 0; i < keys.size() && alias_key < 0; ++i)
      if (keys[i].from == "userId") alias_key = static_cast<int>(i);
  }
};

struct Extracted {
  uint8_t key = 0;
  std::string value;
};

struct Extraction {
  std::vector<Extracted> ids;
  uint32_t blocked = 0, without_consent = 0;
};

std::string normalized(const CompiledKey& key, std::string value) {
  for (const auto& step : key.rule->normalize) {
    if (step == "trim") value = trim(value);
    if (step == "lowercase") value = ascii_lower(value);
  }
  return value;
}

void extract(const RuleSet& rules, const EventChecker& checker, Extraction& out) {
  for (size_t i = 0; i < rules.keys.size() && i < 255; ++i) {
    const CompiledKey& key = rules.keys[i];
    auto raw = checker.identifier(key.from);
    std::vector<std::string> values;
    if (raw) values.push_back(*raw);
    if (static_cast<int>(i) == rules.alias_key && checker.call() == CallType::alias) {
      if (auto previous = checker.identifier("previousId")) values.push_back(*previous);
    }
    for (auto& value : values) {
      value = normalized(key, std::move(value));
      if (value.empty()) continue;
      if (!std::all_of(key.consent.begin(), key.consent.end(),
                       [&](const std::string& p) { return checker.granted(p); })) {
        ++out.without_consent;
        continue;
      }
      if (std::any_of(key.suppress.begin(), key.suppress.end(),
                      [&](const auto& re) { return RE2::FullMatch(value, *re); })) {
        ++out.blocked;
        continue;
      }
      out.ids.push_back({static_cast<uint8_t>(i), std::move(value)});
    }
  }
}

// Union-find over identifiers, by size, with path halving.
class IdentityGraph {
 public:
  explicit IdentityGraph(const RuleSet& rules) : rules_(rules) {}

  void add(const Extraction& e, IdentityFigures& f) {
    f.blocked_values += e.blocked;
    f.without_consent += e.without_consent;
    if (e.ids.empty()) return;
    ++f.events;
    uint32_t first = node(e.ids.front());
    for (size_t i = 1; i < e.ids.size(); ++i)
      join(first, node(e.ids[i]), f);
  }

  void finish(IdentityFigures& f) {
    f.identifiers = parent_.size();
    std::vector<uint32_t> colliding;
    for (uint32_t n = 0; n < parent_.size(); ++n) {
      if (find(n) != n) continue;
      ++f.profiles;
      f.largest_profile = std::max<uint64_t>(f.largest_profile, size_[n]);
      if (unique_[n] >= 2) colliding.push_back(n);
    }
    f.collisions = colliding.size();
    std::stable_sort(colliding.begin(), colliding.end(),
                     [&](uint32_t a, uint32_t b) { return unique_[a] > unique_[b]; });
    colliding.resize(std::min(colliding.size(), kWorstShown));
    for (uint32_t root : colliding)
      f.worst.push_back(describe(root));
  }

 private:
  uint32_t node(const Extracted& id) {
    std::string name(1, static_cast<char>(id.key));
    name += id.value;
    auto [it, added] = index_.emplace(std::move(name), static_cast<uint32_t>(parent_.size()));
    if (added) {
      parent_.push_back(it->second);
      size_.push_back(1);
      unique_.push_back(rules_.keys[id.key].unique ? 1 : 0);
      names_.push_back(&it->first);
    }
    return it->second;
  }

  uint32_t find(uint32_t n) {
    while (parent_[n] != n) {
      parent_[n] = parent_[parent_[n]];
      n = parent_[n];
    }
    return n;
  }

  void join(uint32_t a, uint32_t b, IdentityFigures& f) {
    a = find(a);
    b = find(b);
    if (a == b) return;
    auto limit = rules_.identity->max_identifiers_per_profile;
    if (limit && size_[a] + size_[b] > static_cast<uint64_t>(*limit)) {
      ++f.refused_by_limit;
      return;
    }
    if (size_[a] < size_[b]) std::swap(a, b);
    parent_[b] = a;
    size_[a] += size_[b];
    unique_[a] += unique_[b];
    ++f.merges;
  }

  static std::string masked(std::string_view value) {
    if (value.size() <= 4) return std::string(value.size(), '*');
    return std::string(value.substr(0, 2)) + std::string(value.size() - 4, '*') +
           std::string(value.substr(value.size() - 2));
  }

  Collision describe(uint32_t root) {
    Collision c;
    std::vector<uint64_t> per_key(rules_.keys.size(), 0);
    for (uint32_t n = 0; n < parent_.size(); ++n) {
      if (find(n) != root) continue;
      auto key = static_cast<uint8_t>((*names_[n])[0]);
      ++per_key[key];
      if (rules_.keys[key].unique && c.examples.size() < 4)
        c.examples.push_back(masked(std::string_view(*names_[n]).substr(1)));
    }
    for (size_t k = 0; k < per_key.size(); ++k) {
      if (per_key[k] == 0) continue;
      c.keys.push_back({rules_.keys[k].rule->key, per_key[k]});
      if (rules_.keys[k].unique && c.key.empty()) c.key = rules_.keys[k].rule->key;
    }
    c.values = unique_[root];
    c.identifiers = size_[root];
    return c;
  }

  const RuleSet& rules_;
  std::unordered_map<std::string, uint32_t> index_;
  std::vector<uint32_t> parent_;
  std::vector<uint64_t> size_, unique_;
  std::vector<const std::string*> names_;
};

std::string key_text(const model::MatchKey& k) {
  std::string out = k.key + " from " + (k.from.name.empty() ? default_from(k.key) : k.from.name);
  if (k.precedence) out += ", precedence " + std::to_string(*k.precedence);
  return out;
}

std::vector<std::string> rule_changes(const model::Identity* base, const model::Identity* head) {
  std::vector<std::string> out;
  if (!base || !head) return out;
  for (const auto& h : head->match_keys) {
    auto b = std::find_if(base->match_keys.begin(), base->match_keys.end(),
                          [&](const auto& k) { return k.key == h.key; });
    if (b == base->match_keys.end()) {
      out.push_back("match key added: " + key_text(h));
    } else if (key_text(*b) != key_text(h) || b->normalize != h.normalize) {
      out.push_back("match key changed: " + key_text(*b) + " -> " + key_text(h));
    }
  }
  for (const auto& b : base->match_keys) {
    if (std::none_of(head->match_keys.begin(), head->match_keys.end(),
                     [&](const auto& k) { return k.key == b.key; }))
      out.push_back("match key removed: " + key_text(b));
  }
  auto limit = [](const model::Identity* i) {
    return i->max_identifiers_per_profile ? std::to_string(*i->max_identifiers_per_profile)
                                          : "none";
  };
  if (limit(base) != limit(head))
    out.push_back("max_identifiers_per_profile: " + limit(base) + " -> " + limit(head));
  if (base->suppress.size() != head->suppress.size())
    out.push_back("suppress patterns: " + std::to_string(base->suppress.size()) + " -> " +
                  std::to_string(head->suppress.size()));
  return out;
}

const model::Identity* find_identity(const model::Model& model, const std::string& name) {
  for (const auto& identity : model.identities)
    if (identity.name == name) return &identity;
  return nullptr;
}

struct SimulatedLine {
  std::vector<Extraction> base, head;  // per identity
};

}  // namespace

IdentitySummary simulate_identity(const model::Model& base, const model::Model& head,
                                  LineSource& source, const IdentityOptions& options) {
  IdentitySummary summary;
  summary.files = source.paths();
  std::vector<std::string> names;
  for (const auto& i : head.identities)
    names.push_back(i.name);
  for (const auto& i : base.identities)
    if (!find_identity(head, i.name)) names.push_back(i.name);
  std::vector<RuleSet> base_rules, head_rules;
  for (const auto& name : names) {
    base_rules.emplace_back(find_identity(base, name));
    head_rules.emplace_back(find_identity(head, name));
    IdentitySimulation sim;
    sim.name = name;
    sim.at_base = base_rules.back().identity != nullptr;
    sim.at_head = head_rules.back().identity != nullptr;
    sim.rule_changes = rule_changes(base_rules.back().identity, head_rules.back().identity);
    summary.identities.push_back(std::move(sim));
  }
  std::vector<IdentityGraph> base_graphs, head_graphs;
  for (size_t i = 0; i < names.size(); ++i) {
    base_graphs.emplace_back(base_rules[i]);
    head_graphs.emplace_back(head_rules[i]);
  }
  unsigned workers = worker_count(options.threads);
  std::vector<EventChecker> checkers(workers);
  auto work = [&](size_t w, const SampleLine& line, const SampleLine*) {
    SimulatedLine r;
    Reason problem;
    if (!checkers[w].parse(line, problem)) return r;
    r.base.resize(names.size());
    r.head.resize(names.size());
    for (size_t i = 0; i < names.size(); ++i) {
      if (base_rules[i].identity) extract(base_rules[i], checkers[w], r.base[i]);
      if (head_rules[i].identity) extract(head_rules[i], checkers[w], r.head[i]);
    }
    return r;
  };
  auto consume = [&](const SampleLine&, SimulatedLine&& r) {
    ++summary.lines;
    for (size_t i = 0; i < r.base.size(); ++i) {
      if (base_rules[i].identity) base_graphs[i].add(r.base[i], summary.identities[i].base);
      if (head_rules[i].identity) head_graphs[i].add(r.head[i], summary.identities[i].head);
    }
  };
  auto progress = [&](uint64_t lines) {
    if (options.progress) options.progress(lines);
  };
  for_each_in_order<SimulatedLine>(source, workers, work, consume, progress);
  for (size_t i = 0; i < names.size(); ++i) {
    if (base_rules[i].identity) base_graphs[i].finish(summary.identities[i].base);
    if (head_rules[i].identity) head_graphs[i].finish(summary.identities[i].head);
  }
  return summary;
}

std::vector<std::string> identity_failures(const IdentitySummary& summary,
                                           const config::TrafficCriteria& criteria) {
  std::vector<std::string> out;
  for (const auto& sim : summary.identities) {
    if (!sim.at_head) continue;
    const IdentityFigures& h = sim.head;
    if (static_cast<long long>(h.collisions) > criteria.max_collisions) {
      out.push_back(sim.name + ": " + std::to_string(h.collisions) +
                    " profile(s) join two or more values of a unique key, above "
                    "traffic.identity.max_collisions (" +
                    std::to_string(criteria.max_collisions) + ")");
    }
    if (criteria.max_largest_profile &&
        static_cast<long long>(h.largest_profile) > *criteria.max_largest_profile) {
      out.push_back(sim.name + ": the largest profile has " + std::to_string(h.largest_profile) +
                    " identifiers, above traffic.identity.max_largest_profile (" +
                    std::to_string(*criteria.max_largest_profile) + ")");
    }
  }
  return out;
}

}  // namespace steward::traffic
