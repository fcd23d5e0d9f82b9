#include "model/formats/external_formats.h"

#include "model/formats/rudder_model.h"
#include "model/formats/rudder_reader.h"

namespace steward::model::formats {

bool ExternalFormats::take(const config::Document& document) {
  const config::Node& root = document.root;
  if (is_rudder_document(root)) {
    read_rudder_document(root, rudder_, diagnostics_);
    return true;
  }
  if (is_snowplow_document(root)) {
    if (const config::Document* schema = snowplow_.take(document, diagnostics_))
      json_schema_.add(*schema);
    return true;
  }
  if (SegmentTrackingPlans::recognises(root)) {
    for (const config::Document* event : segment_.take(document, diagnostics_))
      json_schema_.add(*event);
    return true;
  }
  if (JsonSchemaEvents::recognises(root)) {
    json_schema_.add(document);
    return true;
  }
  return false;
}

ExternalEntities ExternalFormats::read(const std::vector<Property>& library) {
  ExternalEntities out;
  out.events = json_schema_.read(diagnostics_);
  snowplow_.link_events(out.events, diagnostics_);
  RudderEntities rudder = build_rudder_entities(rudder_, library, diagnostics_);
  for (auto& event : rudder.events)
    out.events.push_back(std::move(event));
  out.sources = std::move(rudder.sources);
  out.destinations = std::move(rudder.destinations);
  return out;
}

}  // namespace steward::model::formats
