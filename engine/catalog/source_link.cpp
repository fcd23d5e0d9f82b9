#include "catalog/source_link.h"

#include <cctype>
#include <cstdio>

#include "source/markup_escape.h"

namespace steward::catalog {

namespace {

// RFC 3986 unreserved characters and '/' stay; everything else is %XX, so a file name cannot end
// the URL's path or add a query.
std::string percent_encode_path(const std::string& path) {
  std::string out;
  for (const char c : path) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out += c;
    } else {
      char escaped[4];
      std::snprintf(escaped, sizeof escaped, "%%%02X", u);
      out += escaped;
    }
  }
  return out;
}

std::string replace_all(std::string text, const std::string& what, const std::string& with) {
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + with.size()))
    text.replace(at, what.size(), with);
  return text;
}

}  // namespace

std::string source_link(const Span& span, const std::string& source_url) {
  if (!span.valid()) return "<span class=\"where\">built in</span>";
  const std::string label = span.file() + ":" + std::to_string(span.line);
  if (source_url.empty()) return "<span class=\"where\">" + html_escape(label) + "</span>";
  std::string url = replace_all(source_url, "{path}", percent_encode_path(span.file()));
  url = replace_all(url, "{line}", std::to_string(span.line));
  return "<a class=\"where\" href=\"" + html_escape(url) + "\">" + html_escape(label) + "</a>";
}

}  // namespace steward::catalog
