#include "model/formats/snowplow_cli.h"

#include <algorithm>
#include <set>

#include "model/yaml_field_reader.h"
#include "source/rule_ids.h"
#include "source/spelling.h"

namespace steward::model::formats {

namespace {

// snowplow-cli's resources that steward reads; the others (source-application, ...) are not.
const std::vector<std::string> kResourceTypes = {"data-structure", "data-product"};

// The envelope every snowplow-cli resource shares; false when it cannot be read further.
bool read_envelope(YamlFieldReader& reader, Diagnostics& diagnostics) {
  auto version = reader.ref("apiVersion", true);
  if (version && version->name != "v1") {
    report(diagnostics, rule_id::kSchemaInvalidValue, version->span,
           "snowplow-cli resources have apiVersion v1, not '" + version->name + "'");
  }
  reader.text("resourceName");
  return version.has_value();
}

void read_meta(YamlFieldReader& reader, Diagnostics& diagnostics) {
  const config::Node* meta = reader.mapping("meta");
  if (!meta) {
    if (!reader.get("meta")) reader.missing("meta");
    return;
  }
  YamlFieldReader m(*meta, "data structure meta", {"hidden", "schemaType", "customData"},
                    diagnostics);
  m.boolean("hidden");
  m.choice("schemaType", {"event", "entity"});
  m.mapping("customData");
}

// `eventSpecifications: [{resourceName, name, event: {source, comment, schema}, entities,
// triggers, sourceApplications, excludedSourceApplications}]`.
void read_specifications(const config::Node& list, const Ref& owner, const std::string& domain,
                         std::vector<SnowplowEventSpec>& out, Diagnostics& diagnostics) {
  for (const auto& item : list.items) {
    YamlFieldReader spec(item, "event specification",
                         {"resourceName", "name", "event", "entities", "triggers",
                          "sourceApplications", "excludedSourceApplications"},
                         diagnostics);
    if (!spec.is_mapping()) continue;
    SnowplowEventSpec read;
    read.owner = owner;
    read.domain = domain;
    if (auto name = spec.ref("name", true)) read.name = *name;
    spec.text("resourceName");
    spec.mapping("entities");
    spec.sequence("triggers");
    spec.sequence("sourceApplications");
    spec.sequence("excludedSourceApplications");
    const config::Node* event = spec.mapping("event");
    if (!event) continue;
    YamlFieldReader e(*event, "event specification's event", {"source", "comment", "schema"},
                      diagnostics);
    if (auto source = e.ref("source", true)) read.source = *source;
    e.text("comment");
    if (!read.source.name.empty()) out.push_back(std::move(read));
  }
}

void read_data_product(YamlFieldReader& reader, std::vector<SnowplowEventSpec>& out,
                       Diagnostics& diagnostics) {
  const config::Node* data = reader.mapping("data");
  if (!data) {
    if (!reader.get("data")) reader.missing("data");
    return;
  }
  YamlFieldReader d(
      *data, "data product",
      {"name", "domain", "owner", "description", "sourceApplications", "eventSpecifications"},
      diagnostics);
  d.text("name", true);
  d.text("description");
  d.sequence("sourceApplications");
  std::string domain = d.text("domain").value_or("");
  Ref owner = d.ref("owner").value_or(Ref{});
  if (const config::Node* specs = d.sequence("eventSpecifications"))
    read_specifications(*specs, owner, domain, out, diagnostics);
}

}  // namespace

bool is_snowplow_document(const config::Node& root) {
  return root.is_mapping() && !root.find("kind") && root.find("apiVersion") &&
         root.find("resourceType");
}

const config::Document* SnowplowProject::take(const config::Document& document,
                                              Diagnostics& diagnostics) {
  const config::Node& root = document.root;
  const config::Node* type = root.find("resourceType");
  if (!type->is_scalar() ||
      std::find(kResourceTypes.begin(), kResourceTypes.end(), type->text) == kResourceTypes.end()) {
    report(diagnostics, rule_id::kSchemaUnsupportedKind, type->span,
           "snowplow-cli resourceType '" + std::string(type->text) + "' is not read",
           "steward reads data-structure and data-product resources");
    return nullptr;
  }
  if (type->text == "data-product") {
    YamlFieldReader reader(root, "data product",
                           {"apiVersion", "resourceType", "resourceName", "data"}, diagnostics);
    if (read_envelope(reader, diagnostics)) read_data_product(reader, specifications_, diagnostics);
    return nullptr;
  }
  YamlFieldReader reader(root, "data structure",
                         {"apiVersion", "resourceType", "resourceName", "meta", "data"},
                         diagnostics);
  if (!read_envelope(reader, diagnostics)) return nullptr;
  read_meta(reader, diagnostics);
  const config::Node* data = reader.mapping("data");
  if (!data) {
    if (!reader.get("data")) reader.missing("data");
    return nullptr;
  }
  if (!data->find("self")) {
    report(diagnostics, rule_id::kSchemaMissingField, data->span,
           "a data structure's `data` is a self-describing schema, and this one has no `self`",
           "add `self: {vendor, name, format: jsonschema, version: 1-0-0}`");
    return nullptr;
  }
  // The schema under `data` is read as an Iglu schema of its own, with the spans of this file.
  schemas_.emplace_back(*data, document.source, document.index, document.arena);
  return &schemas_.back();
}

void SnowplowProject::link_events(std::vector<Event>& events, Diagnostics& diagnostics) const {
  std::set<std::string> vendors;
  std::vector<std::string> names;
  for (const auto& event : events) {
    if (event.vendor.empty()) continue;
    vendors.insert(event.vendor);
    names.push_back(event.name);
  }
  for (const auto& spec : specifications_) {
    auto event = std::find_if(events.begin(), events.end(),
                              [&](const Event& e) { return e.name == spec.source.name; });
    if (event == events.end()) {
      // iglu:VENDOR/NAME/FORMAT/VERSION: only the repository's own vendors are checked.
      const std::string& uri = spec.source.name;
      size_t start = uri.starts_with("iglu:") ? 5 : 0;
      std::string vendor = uri.substr(start, uri.find('/', start) - start);
      if (!vendors.count(vendor)) continue;
      auto guess = closest_match(uri, names);
      report(diagnostics, rule_id::kReferenceUnknownEvent, spec.source.span,
             "event specification '" + spec.name.name + "' names " + uri +
                 ", which no data structure of the repository defines",
             "name the Iglu URI of a data structure: iglu:VENDOR/NAME/jsonschema/VERSION",
             guess ? "did you mean '" + *guess + "'?" : "");
      continue;
    }
    if (event->owner.name.empty()) event->owner = spec.owner;
    if (event->domain.empty()) event->domain = spec.domain;
  }
}

}  // namespace steward::model::formats
