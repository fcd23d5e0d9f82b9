#pragma once

#include <string>
#include <vector>

#include "source/diagnostic.h"

namespace steward::model {

// The rules the loader reports about the data files themselves (syntax.*, schema.*,
// reference.*), for reports and `steward explain`: the data-file family of the registry in
// source/rule_registry.h. docs/data-file-rules.md lists the same.
struct DataFileRule {
  std::string id;
  std::string title;
  std::string description;
  Severity severity = Severity::error;
};

const std::vector<DataFileRule>& data_file_rules();

}  // namespace steward::model
