#pragma once

#include <string>
#include <string_view>

namespace steward::catalog {

// A whole HTML page: the shared inline stylesheet, `body` (HTML, already escaped) and an optional
// inline script. Nothing is fetched: the page works from file://.
std::string html_page(std::string_view title, std::string_view body, std::string_view script = {});

// The search of the index page: reads the inline index (#search-index), filters it by the query
// typed in #search or given as ?q=... or #q=..., and lists matches in #results (as text nodes,
// never as HTML).
std::string_view search_script();

}  // namespace steward::catalog
