// The one markup escaper: HTML (the catalog) and XML (the JUnit reports) differ only in the
// apostrophe and in the controls XML cannot carry.
#include "source/markup_escape.h"

#include <doctest/doctest.h>

using namespace steward;

TEST_CASE("HTML escaping covers text and quoted attributes") {
  CHECK(html_escape("<img src=x onerror=\"alert('x')\">&") ==
        "&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;");
  CHECK(html_escape("plain") == "plain");
  CHECK(html_escape("tab\tline\nbell\x07") == "tab\tline\nbell\x07");
}

TEST_CASE("XML escaping: &apos;, controls dropped, white space as references in attributes") {
  CHECK(xml_escape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&apos;");
  CHECK(xml_escape("line\nbreak\x01", true) == "line&#10;break");
  CHECK(xml_escape("line\nbreak\x01") == "line\nbreak");
  CHECK(xml_escape("a\tb\rc", true) == "a&#9;b&#13;c");
  CHECK(markup_escape("a\tb\rc", Markup::xml) == "a\tb\rc");
}
