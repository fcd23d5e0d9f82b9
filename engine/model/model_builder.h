#pragma once

#include <string>
#include <vector>

#include "config/node.h"
#include "model/model.h"
#include "source/diagnostic.h"

namespace steward::model {

struct BuildResult {
  Model model;
  Diagnostics diagnostics;  // schema.* and reference.* findings
};

// The kinds of the native format, for messages and did-you-mean.
const std::vector<std::string>& native_kinds();
// The same as prose: "event, property, ..., taxonomy and slo".
std::string native_kind_list();

// Reads every document into one model: dispatches on `kind:`, reports duplicates, resolves
// references, and derives the routes. Never throws on bad data: every problem is a diagnostic.
BuildResult build_model(const std::vector<const config::Document*>& documents);
BuildResult build_model(const std::vector<config::Document>& documents);

}  // namespace steward::model
