#include "findings/line_text.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

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

TEST_CASE("normalizes_to and append_normalized_line agree with normalize_line") {
  const std::vector<std::string> lines = {"",
                                          "   ",
                                          "# only a comment",
                                          "  # indented comment",
                                          "a: 1",
                                          "  a:   1  # c",
                                          "a: 1\r",
                                          "a:\t1",
                                          "a: 2",
                                          "a: 1 #",
                                          "a: b#c",
                                          "a: 'x # y'",
                                          "a: \"x # y\" # z",
                                          "a: it's # z",
                                          "b: 2",
                                          "\tb:  2 ",
                                          "- a\t\tb ",
                                          "- a b",
                                          "{\"a\": \"# not\"}",
                                          "#",
                                          "a",
                                          "a:  1",
                                          "ab: 1",
                                          "a: 1 b",
                                          "a: 1  b  # x"};
  for (const auto& line : lines) {
    const std::string normalized = normalize_line(line);
    std::string appended = std::string("key\0", 4);
    append_normalized_line(appended, line);
    CHECK(appended == std::string("key\0", 4) + normalized);
    for (const auto& other : lines) {
      INFO("line: \"", line, "\", other: \"", other, "\"");
      CHECK(normalizes_to(other, normalized) == (normalize_line(other) == normalized));
    }
  }
  CHECK(normalizes_to("   a:  1 # c", "a: 1"));
  CHECK_FALSE(normalizes_to("a: 1", "a: 1 b"));
  CHECK_FALSE(normalizes_to("a: 1 b", "a: 1"));
  CHECK(normalizes_to("  # just a comment", ""));
  CHECK_FALSE(normalizes_to("x", ""));
}

TEST_CASE("append_normalized_message appends normalize_message") {
  std::string out = "k ";
  append_normalized_message(out, "line 120 has 3 items");
  CHECK(out == "k line 0 has 0 items");
  CHECK(normalize_message("12 a 3") == "0 a 0");
  CHECK(normalize_message("") == "");
}
