#pragma once

#include <string>
#include <vector>

namespace steward::catalog {

// One thing the search finds: an event, a property or a destination.
struct SearchEntry {
  std::string name;  // "order_completed", "order_completed.total"
  std::string kind;  // event, property, destination
  std::string description;
  std::string href;  // "#e-3-p-1", "destination-braze.html"
};

// The index as an inline <script type="application/json" id="search-index"> element, escaped so
// nothing in it can close the element.
std::string search_index_element(const std::vector<SearchEntry>& entries);

}  // namespace steward::catalog
