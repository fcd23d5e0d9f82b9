#include "model/model_json.h"

#include <nlohmann/json.hpp>
#include <type_traits>

#include "model/model_fields.h"

namespace steward::model {

namespace {

using nlohmann::json;

json span_json(const Span& span) {
  if (!span.valid()) return nullptr;
  return {{"file", span.file()},
          {"line", span.line},
          {"column", span.column},
          {"end_line", span.end_line},
          {"end_column", span.end_column}};
}

json names_json(const std::vector<Ref>& refs) {
  json out = json::array();
  for (const auto& r : refs)
    out.push_back(r.name);
  return out;
}

template <class T>
json field_json(const T& value) {
  if constexpr (std::is_same_v<T, Ref>) {
    return value.name;
  } else if constexpr (std::is_same_v<T, std::vector<Ref>>) {
    return names_json(value);
  } else if constexpr (std::is_same_v<T, EventStatus>) {
    return to_string(value);
  } else if constexpr (requires { value.has_value(); }) {
    return *value;
  } else {
    return value;
  }
}

// Whether a field holds nothing beyond the entity's default (what JsonWhen::when_set leaves out).
template <class T>
bool is_default(const T& value, const T& default_value) {
  if constexpr (std::is_same_v<T, Ref>) {
    return value.name.empty();
  } else if constexpr (std::is_same_v<T, bool> || std::is_same_v<T, EventStatus>) {
    return value == default_value;
  } else if constexpr (requires { value.has_value(); }) {
    return !value.has_value();
  } else {
    return value.empty();
  }
}

// The rows of an entity's field table (model_fields.h), each as its JsonWhen says, a row of a
// section in the section's object.
template <class Owner>
void add_fields(const Owner& entity, json& out) {
  static const Owner defaults{};
  for (const ModelField<Owner>& row : field_table(std::type_identity<Owner>{})) {
    if (row.json == JsonWhen::never) continue;
    std::visit(
        [&](auto member) {
          const auto& value = field_of(entity, member);
          bool unset = is_default(value, field_of(defaults, member));
          if (unset && row.json == JsonWhen::when_set) return;
          json& object = row.section ? out[row.section] : out;
          object[row.name] =
              unset && row.json == JsonWhen::or_null ? json(nullptr) : field_json(value);
        },
        row.member);
  }
}

json property_json(const Property& p) {
  json out = {{"name", p.name}, {"path", p.path}, {"types", p.types}, {"span", span_json(p.span)}};
  add_fields(p, out);
  json constraints = json::object();
  add_fields(*p.constraints, constraints);
  if (!constraints.empty()) out["constraints"] = constraints;
  if (!p.properties.empty()) {
    json children = json::array();
    for (const auto& child : p.properties)
      children.push_back(property_json(child));
    out["properties"] = children;
  }
  if (!p.items.empty()) out["items"] = property_json(p.items.front());
  return out;
}

json event_json(const Event& e) {
  json properties = json::array();
  for (const auto& p : e.properties)
    properties.push_back(property_json(p));
  json out = {{"name", e.name}, {"properties", properties}, {"span", span_json(e.span)}};
  add_fields(e, out);
  if (e.deprecated) add_fields(*e.deprecated, out["deprecated"]);
  return out;
}

json credentials_json(const std::vector<LiteralCredential>& credentials) {
  json out = json::array();
  for (const auto& c : credentials)  // where, never the value
    out.push_back({{"key", c.key}, {"span", span_json(c.span)}});
  return out;
}

// What only pipeline configs (rudder-cli) set, written when set so native dumps stay as they are.
void add_pipeline_config(const Destination& d, json& out) {
  if (!d.event_filter.empty()) {
    out["event_filter"] = {{"kind", d.event_filter}, {"events", names_json(d.filtered_events)}};
  }
  if (!d.connection_modes.empty()) {
    json modes = json::object();
    for (const auto& m : d.connection_modes)
      modes[m.platform] = m.mode;
    out["connection_modes"] = modes;
  }
  if (!d.consent_providers.empty()) {
    json providers = json::array();
    for (const auto& p : d.consent_providers) {
      providers.push_back({{"platform", p.platform},
                           {"provider", p.provider},
                           {"resolution_strategy", p.resolution_strategy},
                           {"purposes", names_json(p.purposes)}});
    }
    out["consent_providers"] = providers;
  }
  if (!d.literal_credentials.empty())
    out["literal_credentials"] = credentials_json(d.literal_credentials);
}

// The events that reach `d` (its routes): what `events: "*"` means in this repository.
json received_events(const Model& model, const Destination& d) {
  json out = json::array();
  for (const auto& r : model.routes) {
    if (r.destination == &d) out.push_back(r.event->name);
  }
  return out;
}

json destination_json(const Model& model, const Destination& d) {
  json received = received_events(model, d);
  json exclusions = json::object();
  for (const auto& x : d.exclude_properties)
    exclusions[x.event.name] = names_json(x.properties);
  json mappings = json::array();
  for (const auto& m : d.mappings) {
    mappings.push_back({{"event", m.event.name},
                        {"from", m.from.name},
                        {"to", m.to},
                        {"span", span_json(m.span)}});
  }
  json out = {{"name", d.name},
              {"events", d.all_events ? json("*") : names_json(d.events)},
              {"received_events", received},
              {"exclude_properties", exclusions},
              {"mappings", mappings},
              {"span", span_json(d.span)}};
  add_fields(d, out);
  add_pipeline_config(d, out);
  return out;
}

json identity_json(const Identity& i) {
  json keys = json::array();
  for (const auto& k : i.match_keys) {
    json read_properties = json::array();
    for (const Property* p : k.properties)
      read_properties.push_back(p->event ? p->event->name + "." + p->path : p->path);
    json key = {{"key", k.key}, {"properties", read_properties}, {"span", span_json(k.span)}};
    add_fields(k, key);
    keys.push_back(std::move(key));
  }
  json suppress = json::array();
  for (const auto& s : i.suppress)
    suppress.push_back({{"key", s.key}, {"pattern", s.pattern}});
  json out = {
      {"name", i.name}, {"match_keys", keys}, {"suppress", suppress}, {"span", span_json(i.span)}};
  add_fields(i, out);
  return out;
}

json route_json(const Route& r) {
  json delivered = json::array();
  for (const auto& d : r.delivered_properties) {
    json entry = {{"path", d.property->path},
                  {"pii", d.pii().empty() ? json(nullptr) : json(d.pii())}};
    if (d.transformed_by()) entry["transformed_by"] = d.transformed_by()->name;
    delivered.push_back(entry);
  }
  json out = {{"destination", r.destination->name},
              {"event", r.event->name},
              {"environments", *r.environments},
              {"consent", r.consent()},
              {"delivered_properties", delivered}};
  if (!r.device_platforms.empty()) out["device_platforms"] = r.device_platforms.get();
  return out;
}

}  // namespace

std::string model_to_json(const Model& model, int indent) {
  json out;
  out["version"] = 1;
  json events = json::array(), library = json::array(), sources = json::array(),
       destinations = json::array(), transformations = json::array(), identities = json::array(),
       teams = json::array(), slos = json::array(), routes = json::array();
  for (const auto& e : model.events)
    events.push_back(event_json(e));
  for (const auto& p : model.property_library)
    library.push_back(property_json(p));
  for (const auto& s : model.sources) {
    json source = {{"name", s.name}, {"span", span_json(s.span)}};
    add_fields(s, source);
    sources.push_back(std::move(source));
  }
  for (const auto& d : model.destinations)
    destinations.push_back(destination_json(model, d));
  for (const auto& t : model.transformations) {
    json writes = json::object();
    for (const auto& w : t.writes)
      writes[w.property.name] = w.category.name;
    json transformation = {{"name", t.name},
                           {"events", t.all_events ? json("*") : names_json(t.events)},
                           {"writes", writes},
                           {"span", span_json(t.span)}};
    add_fields(t, transformation);
    transformations.push_back(std::move(transformation));
  }
  for (const auto& i : model.identities)
    identities.push_back(identity_json(i));
  for (const auto& t : model.teams) {
    json team = {{"name", t.name}, {"span", span_json(t.span)}};
    add_fields(t, team);
    teams.push_back(std::move(team));
  }
  for (const auto& s : model.slos) {
    json slo = {{"destination", s.destination.name}, {"span", span_json(s.span)}};
    add_fields(s, slo);
    slos.push_back(std::move(slo));
  }
  for (const auto& r : model.routes)
    routes.push_back(route_json(r));
  json residency = json::array();
  for (const auto& r : model.taxonomy.residency) {
    json rule = {{"pii", r.pii.name}};
    add_fields(r, rule);
    residency.push_back(std::move(rule));
  }
  out["events"] = events;
  out["property_library"] = library;
  out["sources"] = sources;
  out["destinations"] = destinations;
  out["transformations"] = transformations;
  out["identities"] = identities;
  out["teams"] = teams;
  json taxonomy = {{"residency", residency}};
  add_fields(model.taxonomy, taxonomy);
  out["taxonomy"] = std::move(taxonomy);
  out["slos"] = slos;
  out["routes"] = routes;
  // Invalid UTF-8 in a data file must not stop the model from printing: show it replaced.
  return out.dump(indent, ' ', false, json::error_handler_t::replace);
}

}  // namespace steward::model
