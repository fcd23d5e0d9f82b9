#include "traffic/replay.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <unordered_map>

#include "model/model.h"
#include "source/ascii_lower.h"
#include "traffic/event_checker.h"
#include "traffic/ordered_batches.h"

namespace steward::traffic {

namespace {

// Delivery keys and (destination, event) consent keys as small integers, shared by both plans,
// built before the run and only read by the workers.
class KeyTable {
 public:
  uint32_t delivery(DeliveryKey key) {
    auto [it, added] =
        deliveries_.emplace(std::move(key), static_cast<uint32_t>(delivery_keys_.size()));
    if (added) delivery_keys_.push_back(&it->first);
    return it->second;
  }
  uint32_t consent(const std::string& destination, const std::string& event) {
    auto [it, added] = consents_.emplace(std::make_pair(destination, event),
                                         static_cast<uint32_t>(consent_keys_.size()));
    if (added) consent_keys_.push_back(&it->first);
    return it->second;
  }
  const DeliveryKey& delivery_key(uint32_t id) const { return *delivery_keys_[id]; }
  const std::pair<std::string, std::string>& consent_key(uint32_t id) const {
    return *consent_keys_[id];
  }
  size_t deliveries() const { return delivery_keys_.size(); }
  size_t consents() const { return consent_keys_.size(); }

 private:
  std::map<DeliveryKey, uint32_t> deliveries_;
  std::vector<const DeliveryKey*> delivery_keys_;
  std::map<std::pair<std::string, std::string>, uint32_t> consents_;
  std::vector<const std::pair<std::string, std::string>*> consent_keys_;
};

struct PlannedProperty {
  std::string path;
  std::vector<std::string> consent;
  std::vector<uint32_t> keys;  // one per environment
};

struct PlannedRoute {
  std::vector<std::string> consent;  // the destination's purposes
  uint32_t consent_key = 0;
  std::vector<PlannedProperty> properties;
};

// One plan's routing, by event name.
class Routing {
 public:
  Routing(const model::Model& model, KeyTable& keys, std::vector<uint32_t>& routed) {
    for (const auto& route : model.routes) {
      PlannedRoute planned;
      for (const auto& purpose : route.destination->consent)
        planned.consent.push_back(ascii_lower(purpose.name));
      planned.consent_key = keys.consent(route.destination->name, route.event->name);
      for (const auto& delivered : route.delivered_properties) {
        PlannedProperty p;
        p.path = delivered.property->path;
        for (const auto& purpose : delivered.property->consent)
          p.consent.push_back(ascii_lower(purpose.name));
        std::string pii = delivered.pii().empty() ? "unclassified" : delivered.pii();
        for (const auto& environment : *route.environments) {
          p.keys.push_back(keys.delivery(
              {route.destination->name, environment, route.event->name, p.path, pii}));
          routed.push_back(p.keys.back());
        }
        planned.properties.push_back(std::move(p));
      }
      by_event_[route.event->name].push_back(std::move(planned));
    }
  }

  // The deliveries of the parsed event (sorted ids) and the routes consent blocks.
  void deliver(const EventChecker& checker, const std::string& event,
               std::vector<uint32_t>& delivered, std::vector<uint32_t>& blocked) const {
    auto it = by_event_.find(event);
    if (it == by_event_.end()) return;
    auto granted = [&](const std::vector<std::string>& purposes) {
      return std::all_of(purposes.begin(), purposes.end(),
                         [&](const std::string& p) { return checker.granted(p); });
    };
    for (const PlannedRoute& route : it->second) {
      if (!granted(route.consent)) {
        blocked.push_back(route.consent_key);
        continue;
      }
      for (const PlannedProperty& p : route.properties) {
        if (!granted(p.consent) || !checker.has_property(p.path)) continue;
        delivered.insert(delivered.end(), p.keys.begin(), p.keys.end());
      }
    }
    std::sort(delivered.begin(), delivered.end());
    delivered.erase(std::unique(delivered.begin(), delivered.end()), delivered.end());
    std::sort(blocked.begin(), blocked.end());
  }

 private:
  std::unordered_map<std::string, std::vector<PlannedRoute>> by_event_;
};

struct ReplayedLine {
  bool is_event = false;
  EventVerdict base, head;
  std::vector<uint32_t> base_delivered, head_delivered, base_blocked, head_blocked;
};

bool same_reason(const Reason& a, const Reason& b) {
  return a.kind == b.kind && a.path == b.path;
}

// Counts `reasons` (those of `from` absent from `other`) into `tallies` by kind, event and path.
class ReasonCounter {
 public:
  explicit ReasonCounter(std::vector<ReasonTally>& out) : out_(out) {}
  void add(const std::string& event, const std::vector<Reason>& from,
           const std::vector<Reason>& other) {
    for (const Reason& r : from) {
      if (std::any_of(other.begin(), other.end(),
                      [&](const Reason& o) { return same_reason(r, o); }))
        continue;
      std::string path = r.path;
      for (size_t i = 0; (i = path.find('[', i)) != std::string::npos; ++i) {
        size_t close = path.find(']', i);
        if (close != std::string::npos && close > i + 1 &&
            std::isdigit(static_cast<unsigned char>(path[i + 1])))
          path.replace(i, close - i + 1, "[*]");
      }
      std::string key = std::string(to_string(r.kind)) + '\n' + event + '\n' + path;
      if (index_.size() >= kMaxTallies && !index_.count(key)) {
        path = kOther;
        key = std::string(to_string(r.kind)) + '\n' + kOther;
      }
      auto [it, added] = index_.emplace(std::move(key), out_.size());
      if (added) out_.push_back({r.kind, event, path, r.expected, r.plan, 0});
      ++out_[it->second].count;
    }
  }
  void finish() {
    std::stable_sort(out_.begin(), out_.end(),
                     [](const ReasonTally& a, const ReasonTally& b) { return a.count > b.count; });
  }

 private:
  std::vector<ReasonTally>& out_;
  std::unordered_map<std::string, size_t> index_;
};

// Calls `only_a(x)` for ids in sorted `a` and not in sorted `b`.
template <class F>
void difference(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b, F&& only_a) {
  size_t j = 0;
  for (uint32_t x : a) {
    while (j < b.size() && b[j] < x)
      ++j;
    if (j == b.size() || b[j] != x) only_a(x);
  }
}

void collect_new_pii(ReplaySummary& summary, const KeyTable& keys,
                     const std::vector<DeliveryChange>& changes) {
  // (destination, environment, pii) -> whether base ever delivered it, head's events, properties.
  std::map<std::tuple<std::string, std::string, std::string>, NewPiiDelivery> groups;
  std::set<std::tuple<std::string, std::string, std::string>> at_base;
  for (uint32_t id = 0; id < keys.deliveries(); ++id) {
    const DeliveryKey& key = keys.delivery_key(id);
    if (model::is_no_pii(key.pii)) continue;
    auto group = std::make_tuple(key.destination, key.environment, key.pii);
    if (changes[id].base_total > 0) at_base.insert(group);
    if (changes[id].head_total == 0) continue;
    NewPiiDelivery& d = groups[group];
    d.destination = key.destination;
    d.environment = key.environment;
    d.pii = key.pii;
    d.events += changes[id].head_total;
    d.properties.push_back(key.event + "." + key.property);
  }
  for (auto& [group, delivery] : groups)
    if (!at_base.count(group)) summary.new_pii.push_back(std::move(delivery));
}

}  // namespace

ReplaySummary replay_sample(const PlanChecks& base, const PlanChecks& head, LineSource& source,
                            const ReplayOptions& options) {
  ReplaySummary summary;
  summary.files = source.paths();
  KeyTable keys;
  std::vector<uint32_t> base_planned, head_planned;
  Routing base_routing(base.model(), keys, base_planned);
  Routing head_routing(head.model(), keys, head_planned);
  std::vector<DeliveryChange> changes(keys.deliveries());
  for (uint32_t id : base_planned)
    changes[id].in_base_plan = true;
  for (uint32_t id : head_planned)
    changes[id].in_head_plan = true;
  std::vector<ConsentChange> consent(keys.consents());
  unsigned workers = worker_count(options.threads);
  std::vector<EventChecker> checkers(workers);
  auto work = [&](size_t w, const SampleLine& line, const SampleLine*) {
    ReplayedLine r;
    Reason problem;
    EventChecker& checker = checkers[w];
    r.is_event = checker.parse(line, problem);
    if (!r.is_event) return r;
    r.base = checker.check(base);
    r.head = checker.check(head);
    // Only what a plan accepts is delivered: the rest goes to the dead-letter queue.
    if (r.base.valid() && r.base.event)
      base_routing.deliver(checker, r.base.event->name, r.base_delivered, r.base_blocked);
    if (r.head.valid() && r.head.event)
      head_routing.deliver(checker, r.head.event->name, r.head_delivered, r.head_blocked);
    return r;
  };
  ReasonCounter new_reasons(summary.new_reasons), resolved(summary.resolved_reasons);
  auto consume = [&](const SampleLine&, ReplayedLine&& r) {
    ++summary.lines;
    if (!r.is_event) return;  // the same for both plans: `steward validate` reports it
    bool base_ok = r.base.valid(), head_ok = r.head.valid();
    summary.rejected_base += !base_ok;
    summary.rejected_head += !head_ok;
    std::string name = r.head.name;
    if (summary.by_event.size() >= kMaxTallies && !summary.by_event.count(name)) name = kOther;
    if (base_ok && !head_ok) {
      ++summary.newly_rejected;
      ++summary.by_event[name].first;
    } else if (!base_ok && head_ok) {
      ++summary.newly_accepted;
      ++summary.by_event[name].second;
    }
    new_reasons.add(r.head.name, r.head.reasons, r.base.reasons);
    resolved.add(r.base.name, r.base.reasons, r.head.reasons);
    for (uint32_t id : r.base_delivered)
      ++changes[id].base_total;
    for (uint32_t id : r.head_delivered)
      ++changes[id].head_total;
    difference(r.head_delivered, r.base_delivered,
               [&](uint32_t id) { ++changes[id].newly_delivered; });
    difference(r.base_delivered, r.head_delivered,
               [&](uint32_t id) { ++changes[id].no_longer_delivered; });
    difference(r.head_blocked, r.base_blocked, [&](uint32_t id) {
      ++consent[id].newly_blocked;
      ++summary.newly_blocked_by_consent;
    });
    difference(r.base_blocked, r.head_blocked, [&](uint32_t id) { ++consent[id].newly_allowed; });
  };
  auto progress = [&](uint64_t lines) {
    if (options.progress) options.progress(lines);
  };
  for_each_in_order<ReplayedLine>(source, workers, work, consume, progress);
  new_reasons.finish();
  resolved.finish();
  for (uint32_t id = 0; id < keys.deliveries(); ++id)
    if (changes[id].newly_delivered || changes[id].no_longer_delivered)
      summary.deliveries[keys.delivery_key(id)] = changes[id];
  for (uint32_t id = 0; id < keys.consents(); ++id)
    if (consent[id].newly_blocked || consent[id].newly_allowed)
      summary.consent[keys.consent_key(id)] = consent[id];
  collect_new_pii(summary, keys, changes);
  return summary;
}

std::vector<std::string> replay_failures(const ReplaySummary& s, const config::TrafficCriteria& c) {
  std::vector<std::string> out;
  if (s.newly_rejected > 0 && s.rate(s.newly_rejected) > c.max_newly_rejected_rate) {
    out.push_back(
        percent(s.rate(s.newly_rejected)) +
        " of the sample is newly rejected, above traffic.replay.max_newly_rejected_rate (" +
        percent(c.max_newly_rejected_rate) + ")");
  }
  if (static_cast<long long>(s.new_pii.size()) > c.max_new_pii_deliveries) {
    out.push_back(
        std::to_string(s.new_pii.size()) +
        " PII class(es) newly reach a destination, above traffic.replay.max_new_pii_deliveries (" +
        std::to_string(c.max_new_pii_deliveries) + ")");
  }
  if (c.max_newly_blocked_by_consent_rate && s.newly_blocked_by_consent > 0 &&
      s.rate(s.newly_blocked_by_consent) > *c.max_newly_blocked_by_consent_rate) {
    out.push_back(percent(s.rate(s.newly_blocked_by_consent)) +
                  " of the sample is newly blocked by consent, above "
                  "traffic.replay.max_newly_blocked_by_consent_rate (" +
                  percent(*c.max_newly_blocked_by_consent_rate) + ")");
  }
  return out;
}

}  // namespace steward::traffic
