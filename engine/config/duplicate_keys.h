#pragma once

#include "config/node.h"
#include "source/diagnostic.h"

namespace steward::config {

// Reports each key of `mapping` equal to an earlier key of it (schema.duplicate-key), in time
// linear in the number of keys.
void report_duplicate_keys(const Node& mapping, Diagnostics& diagnostics);

}  // namespace steward::config
