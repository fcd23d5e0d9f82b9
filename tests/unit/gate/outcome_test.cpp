// The check outcome's codec: every field comes back, spans point at files that give the reports the
// same lines, and truncated, corrupt or foreign bytes are refused.
#include "gate/outcome.h"

#include <doctest/doctest.h>

#include <string>

using namespace steward;
using namespace steward::gate;

namespace {

Span span_at(const SourceRef& source, uint32_t line, uint32_t column, uint32_t end_line,
             uint32_t end_column) {
  return Span{source, line, column, end_line, end_column};
}

CheckOutcome sample() {
  SourceRef head = make_source("tracking-plan/event.yaml",
                               "\xEF\xBB\xBFname: checkout\r\nowner: é team\n\nproperties:\n  "
                               "coupon: {type: string}\n  tail: x\n",
                               "head");
  SourceRef base = make_source("tracking-plan/event.yaml", "name: checkout\n", "base");
  SourceRef config = make_source("steward.yaml", "waivers:\n  - rule: x\n");
  CheckOutcome outcome;
  findings::Finding f;
  f.diagnostic.rule = "schema.unknown-key";
  f.diagnostic.severity = Severity::warning;
  f.diagnostic.message = "unknown key";
  f.diagnostic.span = span_at(head, 5, 3, 6, 9);
  f.diagnostic.base_span = span_at(base, 1, 1, 1, 4);
  f.diagnostic.help = "help";
  f.diagnostic.suggestion = "did you mean";
  f.diagnostic.subject = "checkout.coupon";
  f.subject = "checkout.coupon";
  f.subjects = {"a", "b"};
  f.fingerprint = "fp";
  f.line_hash = "0123456789abcdef:1";
  f.is_new = false;
  f.suppression = {findings::Suppression::Kind::waiver, "reason", "someone",
                   span_at(config, 2, 5, 2, 11)};
  f.fixes.push_back({span_at(head, 1, 1, 1, 4), "event"});
  outcome.findings.push_back(f);
  findings::Finding plain;
  plain.diagnostic.rule = "policy.x";
  plain.diagnostic.span = span_at(head, 2, 8, 2, 9);  // after a two-byte character
  plain.is_new = true;
  outcome.findings.push_back(plain);
  findings::Finding nowhere;
  nowhere.diagnostic.rule = "policy.y";  // no span, is_new unknown
  outcome.findings.push_back(nowhere);
  outcome.reviews.push_back(
      {"gate.removed", "team-data", "an event was removed", span_at(base, 1, 1, 1, 4)});
  outcome.change_summary_text = "1 event changed\n";
  outcome.change_summary_markdown = "**1** event changed\n";
  return outcome;
}

void same_line(const Span& a, const Span& b) {
  REQUIRE(b.source);
  CHECK(a.source->path() == b.source->path());
  CHECK(a.source->revision() == b.source->revision());
  CHECK(a.line == b.line);
  CHECK(a.column == b.column);
  CHECK(a.end_line == b.end_line);
  CHECK(a.end_column == b.end_column);
  CHECK(a.source->line(a.line) == b.source->line(b.line));
  CHECK(a.source->line(a.end_line) == b.source->line(b.end_line));
}

}  // namespace

TEST_CASE("an outcome comes back whole, with the lines its reports read") {
  const CheckOutcome before = sample();
  auto after = decode_outcome(encode_outcome(before));
  REQUIRE(after);
  REQUIRE(after->findings.size() == 3);
  const auto& f = after->findings[0];
  const auto& g = before.findings[0];
  CHECK(f.diagnostic.rule == g.diagnostic.rule);
  CHECK(f.diagnostic.severity == Severity::warning);
  CHECK(f.diagnostic.message == g.diagnostic.message);
  CHECK(*f.diagnostic.help == "help");
  CHECK(f.diagnostic.suggestion == "did you mean");
  CHECK(f.diagnostic.subject == "checkout.coupon");
  CHECK(f.subject == "checkout.coupon");
  CHECK(f.subjects == std::vector<std::string>{"a", "b"});
  CHECK(f.fingerprint == "fp");
  CHECK(f.line_hash == g.line_hash);
  CHECK(f.is_new == std::optional<bool>(false));
  CHECK(f.suppression->kind == findings::Suppression::Kind::waiver);
  CHECK(f.suppression->reason == "reason");
  CHECK(f.suppression->approved_by == "someone");
  same_line(g.diagnostic.span, f.diagnostic.span);
  same_line(g.diagnostic.base_span, f.diagnostic.base_span);
  same_line(g.suppression->span, f.suppression->span);
  REQUIRE(f.fixes.size() == 1);
  same_line(g.fixes[0].range, f.fixes[0].range);
  CHECK(f.fixes[0].replacement == "event");
  // Line 1 without its byte-order mark and its "\r", as SourceFile::line gives it.
  CHECK(f.fixes[0].range.source->line(1) == "name: checkout");
  // One file read by several spans is one file again.
  CHECK(f.diagnostic.span.source == f.fixes[0].range.source);
  CHECK(after->findings[1].is_new == std::optional<bool>(true));
  // An unsuppressed finding holds no suppression at all (Finding::suppression is a SharedValue).
  CHECK_FALSE(after->findings[1].suppressed());
  CHECK_FALSE(after->findings[1].suppression.has_value());
  same_line(before.findings[1].diagnostic.span, after->findings[1].diagnostic.span);
  CHECK(!after->findings[2].is_new);
  CHECK(!after->findings[2].diagnostic.span.source);
  REQUIRE(after->reviews.size() == 1);
  CHECK(after->reviews[0].team == "team-data");
  CHECK(after->reviews[0].reason == "an event was removed");
  same_line(before.reviews[0].span, after->reviews[0].span);
  CHECK(after->change_summary_text == "1 event changed\n");
  CHECK(after->change_summary_markdown == "**1** event changed\n");
}

TEST_CASE("a file that began with two byte-order marks keeps its second on line 1") {
  CheckOutcome outcome;
  findings::Finding f;
  f.diagnostic.span = {make_source("a.yaml", "\xEF\xBB\xBF\xEF\xBB\xBFx: 1\n"), 1, 1, 1, 1};
  outcome.findings.push_back(f);
  auto after = decode_outcome(encode_outcome(outcome));
  REQUIRE(after);
  CHECK(after->findings[0].diagnostic.span.source->line(1) == "\xEF\xBB\xBFx: 1");
}

TEST_CASE("an empty outcome round-trips") {
  auto after = decode_outcome(encode_outcome(CheckOutcome{}));
  REQUIRE(after);
  CHECK(after->findings.empty());
  CHECK(after->reviews.empty());
}

TEST_CASE("truncated, extended, corrupt or foreign bytes are refused") {
  const std::string bytes = encode_outcome(sample());
  for (size_t size = 0; size < bytes.size(); ++size)
    CHECK_FALSE(decode_outcome(std::string_view(bytes).substr(0, size)));
  CHECK_FALSE(decode_outcome(bytes + "x"));
  std::string foreign = bytes;
  foreign[0] = 'X';
  CHECK_FALSE(decode_outcome(foreign));
  std::string version = bytes;
  version[6] = static_cast<char>(kOutcomeCodecVersion + 1);
  CHECK_FALSE(decode_outcome(version));
  // Flipping any one byte either is refused or still decodes without crashing.
  for (size_t i = 0; i < bytes.size(); ++i) {
    std::string flipped = bytes;
    flipped[i] = static_cast<char>(flipped[i] ^ 0x5A);
    (void)decode_outcome(flipped);
  }
  CHECK_FALSE(decode_outcome(std::string(300, '\xFF')));
}

TEST_CASE("a line number no file can have is refused without allocating it") {
  // Magic, version, one file (path "a", no revision) with one line at 2^40.
  std::string bytes = "STWOUT";
  // Each string is 0 (a new one), its length and its bytes.
  for (int byte : {static_cast<int>(kOutcomeCodecVersion), 1, 0, 1, int{'a'}, 0, 0, 1})
    bytes += static_cast<char>(byte);
  for (int byte : {0x80, 0x80, 0x80, 0x80, 0x80, 0x20})  // 2^40 as a varint
    bytes += static_cast<char>(byte);
  bytes += std::string(5, '\0');
  CHECK_FALSE(decode_outcome(bytes));
}

TEST_CASE("the findings of one rule come back sharing one copy of its help") {
  SourceRef file = make_source("e.yaml", "a: 1\nb: 2\n");
  CheckOutcome outcome;
  for (uint32_t line : {1u, 2u}) {
    findings::Finding f;
    f.diagnostic.rule = "pii.x";
    f.diagnostic.message = "m" + std::to_string(line);
    f.diagnostic.span = span_at(file, line, 1, line, 1);
    f.diagnostic.help = "Classify the property, or exclude it for that destination.";
    outcome.findings.push_back(f);
  }
  findings::Finding other = outcome.findings[0];
  other.diagnostic.help = "Another rule's help.";
  outcome.findings.push_back(other);
  auto decoded = decode_outcome(encode_outcome(outcome));
  REQUIRE(decoded);
  REQUIRE(decoded->findings.size() == 3);
  const auto& help = [&](size_t i) -> const std::string& {
    return *decoded->findings[i].diagnostic.help;
  };
  CHECK(help(0) == "Classify the property, or exclude it for that destination.");
  CHECK(&help(0) == &help(1));
  CHECK(help(2) == "Another rule's help.");
  CHECK(&help(2) != &help(0));
}
