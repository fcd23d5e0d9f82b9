#pragma once

#include <string>
#include <vector>

#include "source/diagnostic.h"

namespace steward::model {

// The rules the loader reports about the data files themselves (syntax.*, schema.*,
// reference.*), for reports and `steward explain`. docs/data-file-rules.md lists the same.
struct DataFileRule {
  std::string id;
  std::string title;
  std::string description;
  Severity severity = Severity::error;
};

const std::vector<DataFileRule>& data_file_rules();

}  // namespace steward::model
