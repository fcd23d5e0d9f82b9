#include <algorithm>
#include <iterator>

#include "diff/field_diff.h"
#include "diff/routing_diff.h"
#include "model/derived_texts.h"

namespace steward::diff {

namespace {

bool named(const std::vector<model::Ref>& refs, const std::string& name) {
  return std::any_of(refs.begin(), refs.end(), [&](const model::Ref& r) { return r.name == name; });
}

// Whether the head filter lets through an event the base filter held back.
bool filter_widened(const model::Destination& b, const model::Destination& h) {
  if (h.event_filter.empty()) return !b.event_filter.empty();
  if (b.event_filter == "allow" && h.event_filter == "deny") return true;
  if (b.event_filter.empty()) return false;  // any filter at head narrows "every event"
  if (h.event_filter == "deny") {            // base deny: an event no longer denied
    return std::any_of(b.filtered_events.begin(), b.filtered_events.end(),
                       [&](const model::Ref& e) { return !named(h.filtered_events, e.name); });
  }
  // Head allow: an event it allows that base did not.
  return std::any_of(h.filtered_events.begin(), h.filtered_events.end(), [&](const model::Ref& e) {
    return b.event_filter == "allow" ? !named(b.filtered_events, e.name)
                                     : named(b.filtered_events, e.name);
  });
}

std::string mode_on(const model::Destination& d, const std::string& platform) {
  for (const auto& m : d.connection_modes) {
    if (m.platform == platform) return m.mode;
  }
  return "cloud";
}

std::vector<std::string> destination_widening(const model::Destination& b,
                                              const model::Destination& h) {
  std::vector<std::string> out;
  if (!h.enabled) return out;
  if (!b.enabled) out.push_back("enabled again");
  if (filter_widened(b, h))
    out.push_back("now receives " + model::receives_text(h) + ", was " + model::receives_text(b));
  for (const auto& m : h.connection_modes) {
    if (m.mode != "cloud" && mode_on(b, m.platform) == "cloud")
      out.push_back(m.platform + " now in " + m.mode + " mode");
  }
  return out;
}

void add_route_widening(const RouteChange& r, std::vector<std::string>& out) {
  if (r.added()) {
    out.push_back("now receives " + r.event);
  } else if (r.modified()) {
    if (!r.added_environments.empty())
      out.push_back(r.event + " now also in " + join(r.added_environments));
    std::vector<std::string> paths;
    for (const auto* p : r.added_properties)
      paths.push_back(p->property->path);
    if (!paths.empty()) out.push_back(r.event + " now delivers " + join(paths));
  }
}

}  // namespace

void add_widening(const model::Model& base, const model::Model& head,
                  const std::vector<RouteChange>& routes, std::vector<DestinationChange>& out) {
  for (const auto& h : head.destinations) {
    const model::Destination* b = base.find_destination(h.name);
    if (!b) continue;
    std::vector<std::string> widened = destination_widening(*b, h);
    for (const auto& r : routes) {
      if (r.destination == h.name) add_route_widening(r, widened);
    }
    if (widened.empty()) continue;
    auto it = std::find_if(out.begin(), out.end(),
                           [&](const DestinationChange& c) { return c.name == h.name; });
    if (it == out.end()) {
      DestinationChange change;
      change.kind = ChangeKind::modified;
      change.name = h.name;
      change.base = b;
      change.head = &h;
      out.push_back(std::move(change));
      it = std::prev(out.end());
    }
    it->widened = std::move(widened);
  }
}

}  // namespace steward::diff
