#pragma once

// Shared by the traffic tests: a plan built from inline YAML, samples written to a temporary
// folder (plain or gzip), and a validation of them.

#include <doctest/doctest.h>
#include <unistd.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "config/document_reader.h"
#include "model/model_builder.h"
#include "source/input_error.h"
#include "traffic/validation.h"

namespace steward::traffic::testing {

// A small plan: one event with a property of every kind of constraint, and a routing.
inline const char* const kPlan = R"(kind: team
name: team-a
---
kind: source
name: web
environments: [production]
---
kind: taxonomy
pii_categories: [user, user.contact, user.contact.email]
consent_purposes: [analytics, marketing]
---
kind: event
name: order_completed
owner: team-a
sources: [web]
properties:
  order_id: {type: string, required: true, pattern: '^ord_[0-9]{4}$', pii: none}
  total: {type: number, required: true, minimum: 0, pii: none}
  currency: {type: string, enum: [EUR, USD], pii: none}
  email: {type: string, format: email, pii: user.contact.email, consent: [marketing]}
  items:
    type: array
    max_items: 3
    pii: none
    items:
      type: object
      properties:
        sku: {type: string, required: true, pii: none}
        quantity: {type: integer, minimum: 1, pii: none}
---
kind: event
name: closed_event
owner: team-a
sources: [web]
properties:
  id: {type: string, required: true, pii: none}
  meta:
    type: object
    additional_properties: false
    pii: none
    properties:
      origin: {type: string, pii: none}
---
kind: destination
name: crm
category: marketing
environments: [production]
region: eu
consent: [marketing]
allow_pii: [user.contact.email]
events: [order_completed]
)";

inline model::BuildResult build_plan(const std::string& text = kPlan) {
  auto read = config::read_documents(make_source("plan.yaml", text));
  REQUIRE(read.diagnostics.empty());
  return model::build_model(read.documents);
}

// A temporary folder removed at the end of the test.
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    path = std::filesystem::temp_directory_path() /
           ("steward-traffic-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
    std::filesystem::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  static int& counter() {
    static int n = 0;
    return n;
  }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name, std::ios::binary) << text;
    return (path / name).string();
  }
  std::string write_gzip(const std::string& name, const std::string& text, size_t keep = 0) const {
    std::string file = (path / name).string();
    gzFile gz = gzopen(file.c_str(), "wb");
    gzwrite(gz, text.data(), static_cast<unsigned>(text.size()));
    gzclose(gz);
    if (keep > 0) std::filesystem::resize_file(file, keep);  // a truncated gzip
    return file;
  }
};

inline ValidationSummary validate(const model::Model& model, const std::vector<std::string>& files,
                                  unsigned threads = 1, std::ostream* dlq = nullptr) {
  PlanChecks checks(model);
  LineSource source(files);
  ValidateOptions options;
  options.threads = threads;
  options.max_listed = 1000;
  options.dlq = dlq;
  return validate_sample(checks, source, options);
}

// "kind@path" of every reason of every listed invalid event, in order.
inline std::vector<std::string> reasons_of(const ValidationSummary& s) {
  std::vector<std::string> out;
  for (const auto& e : s.listed)
    for (const auto& r : e.reasons)
      out.push_back(std::string(to_string(r.kind)) + "@" + r.path);
  return out;
}

}  // namespace steward::traffic::testing
