#pragma once

#include <string>
#include <vector>

namespace steward::traffic {

// Rows of cells printed as aligned columns (text reports) or as a Markdown table; cells must be
// escaped for their format by the caller. Numeric columns are right-aligned in text.
struct TextTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<bool> numeric;  // per column

  std::string text(const std::string& indent = "  ") const;
  std::string markdown() const;
};

// 1234567 -> "1,234,567".
std::string thousands(unsigned long long value);

}  // namespace steward::traffic
