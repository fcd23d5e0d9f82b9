#include "export/jinja_text.h"

#include <doctest/doctest.h>

using steward::exports::jinja_literal;

TEST_CASE("plain text is left as it is") {
  CHECK(jinja_literal("The order's total, in {currency} units.") ==
        "The order's total, in {currency} units.");
  CHECK(jinja_literal("") == "");
  CHECK(jinja_literal("ends with {") == "ends with {");
}

TEST_CASE("every Jinja opener becomes an expression that prints it") {
  CHECK(jinja_literal("{{ run_query('drop table x') }}") ==
        "{{ '{{' }} run_query('drop table x') }}");
  CHECK(jinja_literal("a {% if x %} b {# c #}") == "a {{ '{%' }} if x %} b {{ '{#' }} c #}");
  // Overlapping openers: "{{{" is one opener and a literal brace.
  CHECK(jinja_literal("{{{") == "{{ '{{' }}{");
}
