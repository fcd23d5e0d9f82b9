#include "source/spelling.h"

#include <doctest/doctest.h>

using steward::closest_match;
using steward::edit_distance;

TEST_SUITE("spelling") {
  TEST_CASE("edit distance: insertions, deletions, substitutions") {
    CHECK(edit_distance("", "") == 0);
    CHECK(edit_distance("", "abc") == 3);
    CHECK(edit_distance("abc", "") == 3);
    CHECK(edit_distance("event", "event") == 0);
    CHECK(edit_distance("evnt", "event") == 1);
    CHECK(edit_distance("events", "event") == 1);
    CHECK(edit_distance("evant", "event") == 1);
    CHECK(edit_distance("kitten", "sitting") == 3);
  }

  TEST_CASE("edit distance: an adjacent transposition costs one") {
    CHECK(edit_distance("requried", "required") == 1);
    CHECK(edit_distance("ab", "ba") == 1);
    CHECK(edit_distance("hash_emial", "hash_email") == 1);
  }

  TEST_CASE("edit distance ignores case, transpositions included") {
    CHECK(edit_distance("Event", "event") == 0);
    CHECK(edit_distance("KIND", "kind") == 0);
    CHECK(edit_distance("Ab", "ba") == 1);
    CHECK(edit_distance("rEQUIRED", "requried") == 1);
  }

  TEST_CASE("closest match: the nearest plausible candidate") {
    const std::vector<std::string> kinds = {"event", "property", "source", "destination"};
    CHECK(closest_match("evnt", kinds) == "event");
    CHECK(closest_match("destinaton", kinds) == "destination");
    CHECK(closest_match("event", kinds) == "event");
    CHECK(closest_match("Source", kinds) == "source");
  }

  TEST_CASE("closest match: nothing when no candidate is close enough") {
    const std::vector<std::string> kinds = {"event", "property", "source", "destination"};
    CHECK_FALSE(closest_match("zzzzzz", kinds).has_value());
    CHECK_FALSE(closest_match("x", {}).has_value());
    // Short words allow one edit only: "ab" -> "xy" is two away.
    CHECK_FALSE(closest_match("ab", {"xy"}).has_value());
    CHECK(closest_match("ab", {"xb"}) == "xb");
    // The limit is a third of the word, at most three.
    CHECK(closest_match("abcdef", {"abcxyf"}) == "abcxyf");        // 2 <= 6/3
    CHECK_FALSE(closest_match("abcdef", {"axyzef"}).has_value());  // 3 > 2
    CHECK(closest_match("abcdefghijklmnop", {"abcxyzghijklmnop"}) == "abcxyzghijklmnop");
    CHECK_FALSE(closest_match("abcdefghijklmnop", {"wxyzefghijklmnop"}).has_value());
  }

  TEST_CASE("closest match: the first of equally near candidates wins") {
    CHECK(closest_match("cat", {"bat", "hat"}) == "bat");
    CHECK(closest_match("cat", {"hat", "bat"}) == "hat");
    CHECK(closest_match("cat", {"hat", "cat"}) == "cat");
  }
}

TEST_SUITE("spelling: long words") {
  TEST_CASE("edit distance of long strings") {
    const std::string a(3000, 'a');
    std::string b = a;
    b[100] = 'b';
    CHECK(edit_distance(a, b) == 1);
    CHECK(edit_distance(a, "aaa") == 2997);
  }

  TEST_CASE("a paragraph gets no suggestion, however near") {
    const std::string word(300, 'x');
    std::string near = word;
    near[0] = 'y';
    CHECK_FALSE(closest_match(word, {near}).has_value());
    const std::string long_word(200, 'x');
    std::string long_near = long_word;
    long_near[0] = 'y';
    CHECK(closest_match(long_word, {long_near}) == long_near);
  }

  TEST_CASE("candidates far longer or shorter than the word are skipped, nearer ones still win") {
    CHECK(closest_match("event", {std::string(100000, 'e'), "evnt"}) == "evnt");
  }
}
