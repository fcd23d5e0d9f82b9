#include "findings/line_text.h"

#include <doctest/doctest.h>

using namespace steward::findings;

TEST_CASE("comment_start finds YAML comments outside quotes") {
  CHECK(comment_start("# whole line") == 0);
  CHECK(comment_start("a: 1 # note") == 5);
  CHECK(comment_start("a: b#c") == std::string_view::npos);
  CHECK(comment_start("a: \"x # y\" # z") == 11);
  CHECK(comment_start("a: 'it''s # here' # z") == 18);
  CHECK(comment_start("a: it's # z") == 8);
  CHECK(comment_start("{\"a\": \"# not\"}") == std::string_view::npos);
  CHECK(comment_start("a: \"esc \\\" # still\" # c") == 20);
}

TEST_CASE("normalize_line drops the comment and collapses whitespace") {
  CHECK(normalize_line("    email:   {type:  string}   # why\r") == "email: {type: string}");
  CHECK(normalize_line("\t- a\t\tb ") == "- a b");
  CHECK(normalize_line("# only a comment") == "");
}

TEST_CASE("normalize_message replaces digit runs") {
  CHECK(normalize_message("line 120 has 3 items, v2") == "line 0 has 0 items, v0");
  CHECK(normalize_message("no digits") == "no digits");
}
