#include "catalog/source_link.h"

#include <doctest/doctest.h>

#include "source/source_file.h"

using steward::Span;
using steward::catalog::source_link;

namespace {

Span span_in(const std::string& path, uint32_t line) {
  Span span;
  span.source = steward::make_source(path, "x");
  span.line = span.end_line = line;
  span.column = span.end_column = 1;
  return span;
}

}  // namespace

TEST_CASE("without a template a definition is shown as path:line") {
  CHECK(source_link(span_in("tracking-plan/cart.yaml", 12), "") ==
        "<span class=\"where\">tracking-plan/cart.yaml:12</span>");
  CHECK(source_link(Span{}, "") == "<span class=\"where\">built in</span>");
}

TEST_CASE("the template of steward.yaml makes a link, with the path percent-encoded") {
  const std::string url = "https://github.com/acme/data/blob/main/{path}#L{line}";
  CHECK(source_link(span_in("plan/cart.yaml", 7), url) ==
        "<a class=\"where\" href=\"https://github.com/acme/data/blob/main/plan/cart.yaml#L7\">"
        "plan/cart.yaml:7</a>");
  // A file name cannot end the attribute, add a query or smuggle a template key.
  CHECK(source_link(span_in("a\"b<c>?x={line}.yaml", 3), url) ==
        "<a class=\"where\" href=\"https://github.com/acme/data/blob/main/"
        "a%22b%3Cc%3E%3Fx%3D%7Bline%7D.yaml#L3\">a&quot;b&lt;c&gt;?x={line}.yaml:3</a>");
}
