#include "model/derived_texts.h"

namespace steward::model {

std::vector<std::string> names(const std::vector<Ref>& refs) {
  std::vector<std::string> out;
  out.reserve(refs.size());
  for (const auto& r : refs)
    out.push_back(r.name);
  return out;
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items)
    out += (out.empty() ? "" : ", ") + item;
  return out;
}

std::string receives_text(const Destination& d) {
  // Without a filter it receives every event its connections (or its `events:`) send it.
  if (d.event_filter.empty()) return "every event";
  std::string list = join(names(d.filtered_events));
  if (d.event_filter == "allow") return list.empty() ? "no event" : "only " + list;
  return list.empty() ? "every event" : "every event except " + list;
}

std::vector<std::string> receives_texts(const Destination& d) {
  return {receives_text(d)};
}

std::vector<std::string> destination_event_texts(const Destination& d) {
  return d.all_events ? std::vector<std::string>{"*"} : names(d.events);
}

std::vector<std::string> exclusion_texts(const Destination& d) {
  std::vector<std::string> out;
  for (const auto& x : d.exclude_properties)
    out.push_back(x.event.name + ": " + join(names(x.properties)));
  return out;
}

std::vector<std::string> mapping_texts(const Destination& d) {
  std::vector<std::string> out;
  for (const auto& m : d.mappings) {
    out.push_back((m.event.name.empty() ? "" : m.event.name + " ") + m.from.name + " -> " + m.to);
  }
  return out;
}

std::vector<std::string> connection_mode_texts(const Destination& d) {
  std::vector<std::string> out;
  for (const auto& m : d.connection_modes)
    out.push_back(m.platform + ": " + m.mode);
  return out;
}

std::vector<std::string> consent_provider_texts(const Destination& d) {
  std::vector<std::string> out;
  for (const auto& p : d.consent_providers) {
    std::string text = p.platform + ": " + (p.provider.empty() ? "(no provider)" : p.provider);
    if (!p.resolution_strategy.empty()) text.append(" (").append(p.resolution_strategy).append(")");
    if (!p.purposes.empty()) text.append(" ").append(join(names(p.purposes)));
    out.push_back(text);
  }
  return out;
}

std::vector<std::string> transformation_event_texts(const Transformation& t) {
  return t.all_events ? std::vector<std::string>{"*"} : names(t.events);
}

std::vector<std::string> write_texts(const Transformation& t) {
  std::vector<std::string> out;
  for (const auto& w : t.writes)
    out.push_back(w.property.name + ": " + w.category.name);
  return out;
}

std::vector<std::string> suppression_texts(const Identity& i) {
  std::vector<std::string> out;
  for (const auto& s : i.suppress)
    out.push_back(s.key + ": " + s.pattern);
  return out;
}

}  // namespace steward::model
