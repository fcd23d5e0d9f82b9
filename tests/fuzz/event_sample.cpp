// The reader of event samples (engine/traffic): the input is a sample file (JSON Lines, or gzip
// when it starts with gzip's magic) validated against a small plan with every kind of
// constraint. Checks: every line is accounted for, and every reason names a kind and a path.

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "config/document_reader.h"
#include "model/model_builder.h"
#include "traffic/validation.h"

namespace {

const char* const kPlan = R"(kind: taxonomy
pii_categories: [user, user.contact, user.contact.email]
consent_purposes: [marketing]
---
kind: event
name: order_completed
properties:
  order_id: {type: string, required: true, pattern: '^ord_[0-9]{4}$', pii: none}
  total: {type: [number, "null"], minimum: 0, maximum: 1e9, pii: none}
  currency: {type: string, enum: [EUR, USD], pii: none}
  email: {type: string, format: email, max_length: 254, pii: user.contact.email, consent: [marketing]}
  meta: {type: object, additional_properties: false, min_properties: 1, pii: none, properties: {a: {type: integer}}}
  items:
    type: array
    max_items: 3
    pii: none
    items:
      type: object
      properties:
        sku: {type: string, required: true, min_length: 1, pii: none}
)";

const steward::model::Model& plan() {
  static steward::model::BuildResult built = [] {
    auto read = steward::config::read_documents(steward::make_source("plan.yaml", kPlan));
    return steward::model::build_model(read.documents);
  }();
  return built.model;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string path = "/tmp/steward-fuzz-sample-" + std::to_string(getpid());
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  static const steward::traffic::PlanChecks checks(plan());
  steward::traffic::LineSource source({path});
  steward::traffic::ValidateOptions options;
  options.threads = 1;
  options.max_listed = 1000000;
  auto summary = steward::traffic::validate_sample(checks, source, options);
  uint64_t counted = 0;
  for (const auto& [name, tally] : summary.by_event)
    counted += tally.total;
  for (int t = 0; t < steward::traffic::kCallTypes; ++t) {
    auto type = static_cast<steward::traffic::CallType>(t);
    if (type != steward::traffic::CallType::track &&
        type != steward::traffic::CallType::self_describing)
      counted += summary.calls[t];
  }
  if (counted < summary.lines) std::abort();  // a line neither counted nor reported
  for (const auto& event : summary.listed) {
    if (event.reasons.empty()) std::abort();
    for (const auto& reason : event.reasons)
      if (reason.path.empty() || reason.path[0] != '$') std::abort();
  }
  return 0;
}
