#include "catalog/search_index.h"

#include <nlohmann/json.hpp>

#include "catalog/html_text.h"

namespace steward::catalog {

std::string search_index_element(const std::vector<SearchEntry>& entries) {
  nlohmann::json index = nlohmann::json::array();
  for (const auto& e : entries)
    index.push_back({{"n", e.name}, {"k", e.kind}, {"d", e.description}, {"h", e.href}});
  // ensure_ascii, and the replacement of invalid UTF-8: the text came from the repository.
  const std::string json = index.dump(-1, ' ', true, nlohmann::json::error_handler_t::replace);
  return "<script type=\"application/json\" id=\"search-index\">" + script_safe_json(json) +
         "</script>\n";
}

}  // namespace steward::catalog
