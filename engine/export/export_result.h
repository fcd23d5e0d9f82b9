#pragma once

#include <string>

#include "source/diagnostic.h"

namespace steward::exports {

// An export: the text to write, and the findings about what could not be exported as declared
// (each at the file:line of the declaration). The text is written even with findings; they make
// the exit code 1, so nothing left out passes silently.
struct ExportResult {
  std::string text;
  Diagnostics diagnostics;
};

}  // namespace steward::exports
