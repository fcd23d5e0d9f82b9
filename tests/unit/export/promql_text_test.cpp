#include "export/promql_text.h"

#include <doctest/doctest.h>

using steward::exports::go_template_literal;
using steward::exports::promql_string;

TEST_CASE("label values are PromQL string literals") {
  CHECK(promql_string("braze") == "\"braze\"");
  CHECK(promql_string("a\"} or vector(1) #\\") == "\"a\\\"} or vector(1) #\\\\\"");
  CHECK(promql_string("line\nbreak\x01") == "\"line\\nbreak\\x01\"");
}

TEST_CASE("template actions in names are printed, not run") {
  CHECK(go_template_literal("team-data") == "team-data");
  CHECK(go_template_literal("{{ .Value }}") == "{{ \"{{\" }} .Value }}");
  CHECK(go_template_literal("a{{b{{") == "a{{ \"{{\" }}b{{ \"{{\" }}");
}
