#include "source/diagnostic_factory.h"

#include <doctest/doctest.h>

#include "source/rule_ids.h"
#include "source/source_file.h"

using namespace steward;

TEST_CASE("make_diagnostic sets every part it is given, and nothing else") {
  Span span{make_source("a.yaml", "x: 1\n"), 1, 1, 1, 2};
  Diagnostic d = make_diagnostic(rule_id::kSchemaUnknownKey, Severity::warning, span, "message",
                                 "help", "did you mean 'y'?");
  CHECK(d.rule == "schema.unknown-key");
  CHECK(d.severity == Severity::warning);
  CHECK(d.span.line == 1);
  CHECK(d.span.end_column == 2);
  CHECK(d.span.file() == "a.yaml");
  CHECK(d.message == "message");
  CHECK(*d.help == "help");
  CHECK(d.suggestion == "did you mean 'y'?");
  CHECK(d.subject.empty());
  CHECK(d.base_span.line == 0);
}

TEST_CASE("report appends an error") {
  Diagnostics out;
  report(out, rule_id::kSchemaMissingField, Span{}, "no name");
  report(out, "pii.destination-allowlist", Span{}, "second", "fix it");
  REQUIRE(out.size() == 2);
  CHECK(out[0].severity == Severity::error);
  CHECK(out[0].rule == "schema.missing-field");
  CHECK(out[0].help->empty());
  CHECK(out[1].rule == "pii.destination-allowlist");
  CHECK(*out[1].help == "fix it");
}
