#include "findings/rule_doc_url.h"

namespace steward::findings {

namespace {

// RFC 3986 unreserved characters pass; everything else is %XX, so an odd rule id cannot break
// out of the URL (or of the report that quotes it).
std::string percent_encoded(std::string_view text) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

std::string without_trailing_slash(std::string_view text) {
  while (!text.empty() && text.back() == '/')
    text.remove_suffix(1);
  return std::string(text);
}

}  // namespace

bool is_absolute_url(std::string_view url) {
  for (std::string_view scheme : {"https://", "http://"}) {
    if (url.starts_with(scheme)) {
      std::string_view rest = url.substr(scheme.size());
      return !rest.empty() && rest.front() != '/' && rest.find_first_of(" \t\r\n\"<>") == rest.npos;
    }
  }
  return false;
}

std::string stdlib_rule_pages(std::string_view repository_url, std::string_view version) {
  return without_trailing_slash(repository_url) + "/blob/v" + std::string(version) + "/docs/rules";
}

std::string rule_doc_url(const RuleInfo& rule, bool has_stdlib_page, const RuleDocLinks& links) {
  if (is_absolute_url(rule.help_uri)) return rule.help_uri;
  const std::string id = percent_encoded(rule.id);
  if (has_stdlib_page && is_absolute_url(links.stdlib_pages))
    return without_trailing_slash(links.stdlib_pages) + "/" + id + ".md";
  const std::string_view placeholder = "{rule}";
  std::string url = links.team_template;
  const size_t at = url.find(placeholder);
  if (at == std::string::npos) return "";
  url.replace(at, placeholder.size(), id);
  return is_absolute_url(url) ? url : "";
}

}  // namespace steward::findings
