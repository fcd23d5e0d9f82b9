// The `# expect:` and `# ok:` annotations of fixture files.
#include <doctest/doctest.h>

#include "policy/fixture_tests_annotations.h"

using namespace steward;
using namespace steward::policy;

namespace {

struct Annotations {
  std::vector<Expectation> expectations;
  std::vector<AnnotationError> errors;
};

Annotations annotations_of(const std::string& text) {
  Annotations r;
  read_annotations("head", git::SnapshotFile{"plan.yaml", "", text}, r.expectations, r.errors);
  return r;
}

}  // namespace

TEST_CASE("an annotation applies to its line, or alone to the next line with content") {
  Annotations r =
      annotations_of("a: 1   # expect: p.x\n# ok: p.y, p.z\n\nb: 2\nc#d: 3 # not: p.w\n");
  CHECK(r.errors.empty());
  REQUIRE(r.expectations.size() == 3);
  CHECK(r.expectations[0].line == 1);
  CHECK(r.expectations[1].line == 4);
  CHECK(r.expectations[1].written_on == 2);
  CHECK(!r.expectations[1].expect);
  CHECK(r.expectations[2].rule == "p.z");
}

TEST_CASE("expectations pin severity, count, message and review requests") {
  Annotations r = annotations_of(
      "a: 1  # expect: p.x severity=warning count=2 message~\"a, b \\\"c\\\"\", p.y "
      "message~/^x\\/y [0-9]+$/ by=team-data, p.z review\n");
  CHECK(r.errors.empty());
  REQUIRE(r.expectations.size() == 3);
  const Expectation& x = r.expectations[0];
  CHECK(x.severity == Severity::warning);
  CHECK(x.count == 2);
  CHECK(x.message == "a, b \"c\"");
  CHECK(!x.message_is_pattern);
  const Expectation& y = r.expectations[1];
  CHECK(y.message == "^x/y [0-9]+$");
  CHECK(y.message_is_pattern);
  CHECK(y.review);
  CHECK(y.team == "team-data");
  CHECK(r.expectations[2].review);
  CHECK(x.describe() == "p.x severity=warning count=2 message~\"a, b \"c\"\"");
}

TEST_CASE("malformed expectations are errors that say what was meant") {
  auto first_error = [](const std::string& text) {
    Annotations r = annotations_of(text);
    REQUIRE(r.errors.size() == 1);
    return r.errors[0].message;
  };
  CHECK(first_error("a: 1  # expect: p.x severity=fatal\n") ==
        "unknown severity `fatal`; use error, warning or note");
  CHECK(first_error("a: 1  # expect: p.x severity=warnign\n") ==
        "unknown severity `warnign`; did you mean `warning`?");
  CHECK(first_error("a: 1  # expect: p.x count=0\n") ==
        "`count=` takes a whole number of at least 1, not `0` (use `# ok:` for none)");
  CHECK(first_error("a: 1  # expect: p.x mesage~\"x\"\n") ==
        "unknown `mesage~` in `# expect:`; did you mean `message`?");
  CHECK(first_error("a: 1  # expect: p.x message~\"x\n") ==
        "the text after `message~` is not closed");
  CHECK(first_error("a: 1  # expect: p.x severity\n") == "`severity` needs a value: severity=...");
  CHECK(first_error("a: 1  # ok: p.x count=2\n") ==
        "`# ok:` takes rule ids only; pin messages and counts with `# expect:`");
}
