#pragma once

#include <string>

#include "source/span.h"

namespace steward::catalog {

// "path:line" of a definition, as an HTML link to the repository's web view when steward.yaml
// sets `source_url` ("{path}" and "{line}" filled in, the path percent-encoded), as plain text
// otherwise. The result is HTML, escaped.
std::string source_link(const Span& span, const std::string& source_url);

}  // namespace steward::catalog
