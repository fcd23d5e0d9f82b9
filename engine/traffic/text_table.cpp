#include "traffic/text_table.h"

#include <algorithm>

namespace steward::traffic {

namespace {

size_t width(const std::string& text) {
  return static_cast<size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

}  // namespace

std::string TextTable::text(const std::string& indent) const {
  std::vector<size_t> widths(header.size(), 0);
  for (size_t c = 0; c < header.size(); ++c)
    widths[c] = width(header[c]);
  for (const auto& row : rows)
    for (size_t c = 0; c < row.size() && c < widths.size(); ++c)
      widths[c] = std::max(widths[c], width(row[c]));
  auto line = [&](const std::vector<std::string>& cells) {
    std::string out = indent;
    for (size_t c = 0; c < cells.size() && c < widths.size(); ++c) {
      std::string pad(widths[c] - width(cells[c]), ' ');
      bool right = c < numeric.size() && numeric[c];
      out += right ? pad + cells[c] : cells[c] + (c + 1 < cells.size() ? pad : "");
      if (c + 1 < cells.size()) out += "  ";
    }
    return out + "\n";
  };
  std::string out = line(header);
  for (const auto& row : rows)
    out += line(row);
  return out;
}

std::string TextTable::markdown() const {
  std::string out = "|";
  for (const auto& h : header)
    out += " " + h + " |";
  out += "\n|";
  for (size_t c = 0; c < header.size(); ++c)
    out += c < numeric.size() && numeric[c] ? " ---: |" : " --- |";
  out += "\n";
  for (const auto& row : rows) {
    out += "|";
    for (const auto& cell : row)
      out += " " + cell + " |";
    out += "\n";
  }
  return out;
}

std::string thousands(unsigned long long value) {
  std::string digits = std::to_string(value);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace steward::traffic
