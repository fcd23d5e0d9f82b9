#pragma once

#include <string>
#include <string_view>

// The one escaper for markup: the catalog's HTML, the JUnit reports' XML. Both need & < > " '
// escaped; they differ only in how an apostrophe is written and in what XML 1.0 forbids.
namespace steward {

enum class Markup {
  html,           // text and double-quoted attributes: ' as &#39;, every other byte copied
  xml,            // XML 1.0 content: ' as &apos;, controls other than tab, LF and CR dropped
  xml_attribute,  // as xml, and tab, LF and CR as character references so parsers keep them
};

std::string markup_escape(std::string_view text, Markup markup);

inline std::string html_escape(std::string_view text) {
  return markup_escape(text, Markup::html);
}

inline std::string xml_escape(std::string_view text, bool attribute = false) {
  return markup_escape(text, attribute ? Markup::xml_attribute : Markup::xml);
}

}  // namespace steward
