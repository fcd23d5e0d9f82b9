#include "findings/fingerprint.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "findings/line_text.h"
#include "findings/sha256.h"

using namespace steward;
using namespace steward::findings;

namespace {

Finding at(const SourceRef& file, uint32_t line, uint32_t column, std::string rule,
           std::string message) {
  Diagnostic d;
  d.rule = std::move(rule);
  d.message = std::move(message);
  d.span = Span{file, line, column, line, column + 4};
  return make_finding(std::move(d));
}

const char* kEvent =
    "kind: event\n"
    "name: checkout_started\n"
    "properties:\n"
    "  email: {type: string, pii: user.contact.email}\n"
    "  phone: {type: string, pii: user.contact.phone}\n";

}  // namespace

TEST_CASE("sha256 matches the standard test vectors") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(sha256_hex(std::string(1000, 'a')) ==
        "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3");
}

TEST_CASE("fingerprints do not change when unrelated lines are inserted above") {
  auto before = make_source("events/checkout.yaml", kEvent);
  auto after =
      make_source("events/checkout.yaml",
                  std::string("# a comment added at the top\n\nx-note: unrelated\n") + kEvent);
  Findings a = {at(before, 4, 3, "pii.destination-allowlist", "email reaches google_ads")};
  Findings b = {at(after, 7, 3, "pii.destination-allowlist", "email reaches google_ads")};
  assign_fingerprints(a);
  assign_fingerprints(b);
  CHECK(a[0].fingerprint.size() == 32);
  CHECK(a[0].fingerprint == b[0].fingerprint);
  CHECK(a[0].line_hash == b[0].line_hash);
  CHECK(a[0].line_hash.ends_with(":1"));
}

TEST_CASE("fingerprints ignore indentation, trailing comments and digits in the message") {
  auto before = make_source("e.yaml", "a:\n  email: {type: string}\n");
  auto after = make_source("e.yaml", "a:\n    email:   {type: string}   # checked\n");
  Findings a = {at(before, 2, 3, "r.x", "3 properties missing")};
  Findings b = {at(after, 2, 5, "r.x", "4 properties missing")};
  assign_fingerprints(a);
  assign_fingerprints(b);
  CHECK(a[0].fingerprint == b[0].fingerprint);
}

TEST_CASE("fingerprints change with the rule, the file, the line content and the message") {
  auto file = make_source("e.yaml", kEvent);
  auto other = make_source("f.yaml", kEvent);
  Findings findings = {at(file, 4, 3, "r.a", "m"), at(file, 4, 3, "r.b", "m"),
                       at(other, 4, 3, "r.a", "m"), at(file, 5, 3, "r.a", "m"),
                       at(file, 4, 3, "r.a", "other message")};
  assign_fingerprints(findings);
  std::set<std::string> unique;
  for (const auto& f : findings)
    unique.insert(f.fingerprint);
  CHECK(unique.size() == findings.size());
}

TEST_CASE("identical findings in one file get distinct fingerprints, numbered by position") {
  auto file = make_source("e.yaml", "a: 1\nb: 2\na: 1\n");
  Findings findings = {at(file, 3, 1, "r.dup", "duplicate"), at(file, 1, 1, "r.dup", "duplicate")};
  assign_fingerprints(findings);
  CHECK(findings[0].fingerprint != findings[1].fingerprint);
  // The identical lines 1 and 3 are occurrences 1 and 2 of the same line hash.
  CHECK(findings[1].line_hash.ends_with(":1"));
  CHECK(findings[0].line_hash.ends_with(":2"));
  CHECK(findings[0].line_hash.substr(0, 16) == findings[1].line_hash.substr(0, 16));

  // The same two findings listed in the other order get the same fingerprints.
  Findings swapped = {findings[1], findings[0]};
  assign_fingerprints(swapped);
  CHECK(swapped[0].fingerprint == findings[1].fingerprint);
  CHECK(swapped[1].fingerprint == findings[0].fingerprint);
}

TEST_CASE("the subject is part of the identity") {
  auto file = make_source("e.yaml", kEvent);
  Findings findings = {at(file, 4, 3, "r", "m"), at(file, 4, 3, "r", "m")};
  findings[0].subject = "checkout_started.email";
  findings[1].subject = "checkout_started.phone";
  assign_fingerprints(findings);
  CHECK(findings[0].fingerprint != findings[1].fingerprint);
}

TEST_CASE("findings with only a base span or no span get fingerprints too") {
  auto base = make_source("gone.yaml", kEvent, "base");
  Diagnostic removed;
  removed.rule = "compat.event-removed";
  removed.message = "event checkout_started was removed";
  removed.base_span = Span{base, 2, 7, 2, 22};
  Diagnostic global;
  global.rule = "x.global";
  global.message = "no place";
  Findings findings = {make_finding(removed), make_finding(global)};
  assign_fingerprints(findings);
  CHECK(findings[0].fingerprint.size() == 32);
  CHECK(findings[1].fingerprint.size() == 32);
  CHECK(findings[0].line_hash.ends_with(":1"));
  CHECK(findings[1].line_hash.ends_with(":1"));
}

TEST_CASE("identical lines in many files get distinct line hashes in linear time") {
  // One finding per generated file, each on the same text: before, each took a scan of the
  // numbers already given, quadratic in the files (20,000 files took minutes).
  Findings findings;
  constexpr int kFiles = 20'000;
  for (int i = 0; i < kFiles; ++i) {
    auto file = make_source("events/e" + std::to_string(i) + ".yaml", "owner: team-a\n");
    findings.push_back(at(file, 1, 1, "governance.owner-required", "no owner"));
  }
  assign_fingerprints(findings);
  std::set<std::string> hashes;
  for (const auto& finding : findings)
    hashes.insert(finding.line_hash);
  CHECK(hashes.size() == kFiles);
  CHECK(hashes.count(findings[0].line_hash.substr(0, 17) + "1") == 1);
}

TEST_CASE("fingerprints alone: the same as assign_fingerprints gives") {
  auto file = make_source("e.yaml", kEvent);
  auto other = make_source("f.yaml", kEvent);
  // Identical keys numbered by place, a finding without a span, and one in another file.
  Findings full = {at(file, 5, 3, "r", "m"), at(file, 4, 3, "r", "m"), at(other, 4, 3, "r", "m"),
                   at(file, 4, 3, "r", "m")};
  Diagnostic global;
  global.rule = "x.global";
  global.message = "no place";
  full.push_back(make_finding(global));
  const std::vector<std::string> only = fingerprints_of(full);
  assign_fingerprints(full);
  REQUIRE(only.size() == full.size());
  std::set<std::string> distinct;
  for (size_t i = 0; i < full.size(); ++i) {
    CHECK(only[i] == full[i].fingerprint);
    distinct.insert(only[i]);
  }
  CHECK(distinct.size() == full.size());  // two identical findings at 4:3 are told apart
}

TEST_CASE("fingerprints alone: identical keys numbered by place, whatever order they come in") {
  // Forty identical lines, a finding on each with one key, given in a scrambled order, some
  // twice at one place, among findings of other keys: each gets the fingerprint that
  // assign_fingerprints gives it, and no two the same.
  std::string text;
  for (int line = 0; line < 40; ++line)
    text += "  - {name: same}\n";
  auto file = make_source("list.yaml", text);
  Findings findings;
  for (uint32_t n = 0; n < 40; ++n) {
    const uint32_t line = 1 + (n * 17) % 40;
    findings.push_back(at(file, line, 5, "r", "the same message"));
    if (n % 7 == 0) findings.push_back(at(file, line, 5, "r", "the same message"));
    if (n % 5 == 0) findings.push_back(at(file, line, 5, "r", "another message"));
  }
  Findings full = findings;
  assign_fingerprints(full);
  const std::vector<std::string> only = fingerprints_of(findings);
  REQUIRE(only.size() == full.size());
  for (size_t i = 0; i < full.size(); ++i)
    CHECK(only[i] == full[i].fingerprint);
  CHECK(std::set<std::string>(only.begin(), only.end()).size() == only.size());
}

namespace {

// The occurrence number of a line, by definition: the lines up to and including it with the same
// normalised text; a line past the end of the file is empty and the first of its kind.
uint32_t occurrence_of(const SourceFile& file, uint32_t line) {
  if (line > file.line_count()) return 1;
  const std::string text = normalize_line(file.line(line));
  uint32_t count = 0;
  for (uint32_t i = 1; i <= line; ++i)
    count += normalize_line(file.line(i)) == text ? 1 : 0;
  return count;
}

}  // namespace

TEST_CASE("line hashes number identical lines by the lines before, not after, in any file") {
  // Lines 1, 2, 4 and 9 normalise alike, so do 3 and 8, and the blank and comment-only lines 5, 6,
  // 7 and 10; line 11 "a: 2" starts like them but differs. Lines 12 and 13 are past the end.
  auto file = make_source("e.yaml",
                          "a: 1\n  a:   1  # c\nb: 2\na: 1\n\n# only a comment\n\n"
                          "b: 2 # x\na: 1\n   \na: 2\n");
  REQUIRE(file->line_count() == 11);
  auto few = make_source("f.yaml", "x: 1\ny: 2\nx: 1\n");
  // Each finding has a rule of its own, so its occurrence number is its line's. The 3 x 13 findings
  // in e.yaml compare more lines than the file has many times over, which makes the count switch
  // from comparing the lines before a finding to a table of the whole file: both give the same.
  Findings findings;
  for (int round = 0; round < 3; ++round) {
    for (uint32_t line = 1; line <= 13; ++line) {
      std::string rule = "r";
      rule.append(std::to_string(round)).append(1, '.').append(std::to_string(line));
      findings.push_back(at(file, line, 1, std::move(rule), "m"));
    }
  }
  findings.push_back(at(few, 3, 1, "f.3", "m"));
  findings.push_back(at(few, 1, 1, "f.1", "m"));
  assign_fingerprints(findings);
  for (const auto& finding : findings) {
    const Span& span = finding.diagnostic.span;
    INFO(span.file(), ":", span.line);
    const std::string digest =
        sha256_hex(normalize_line(span.source->line(span.line))).substr(0, 16);
    CHECK(finding.line_hash ==
          digest + ":" + std::to_string(occurrence_of(*span.source, span.line)));
  }
  CHECK(findings[3].line_hash.ends_with(":3"));   // line 4, after 1 and 2
  CHECK(findings[8].line_hash.ends_with(":4"));   // line 9
  CHECK(findings[9].line_hash.ends_with(":4"));   // line 10: blank after 5, 6 and 7
  CHECK(findings[10].line_hash.ends_with(":1"));  // line 11
  CHECK(findings[12].line_hash.ends_with(":1"));  // past the end
  CHECK(findings[39].line_hash.ends_with(":2"));
  CHECK(findings[40].line_hash.ends_with(":1"));
}

TEST_CASE("fingerprints and line hashes follow the whole key's order, rule and file first") {
  // assign_fingerprints sorts by rule and file, then one rule and file's keys at a time. What it
  // gives must be what the documented order gives: findings by whole key, then by place; each
  // key's identical findings numbered 1, 2, ...; each (rule, line hash) taking the smallest free
  // number from its line's. Rules where one is a prefix of another ("r", "r.x", "r2") and a
  // path that is a prefix of another ("a.yaml" of "a.yaml.yaml") test that the two orders agree
  // at the separators; flow mappings put several findings of one rule on one line.
  const std::string text = "- {a: 1, b: 2}\n- {a: 1, b: 2}\nc: 3\n- {a: 1, b: 2}\n";
  const std::vector<SourceRef> files = {make_source("a.yaml", text),
                                        make_source("a.yaml.yaml", text),
                                        make_source("b/a.yaml", "c: 3\n" + text)};
  const std::vector<std::string> rules = {"r2", "r", "r.x"};
  Findings findings;
  for (uint32_t n = 0; n < 90; ++n) {
    const SourceRef& file = files[(n * 7) % 3];
    const uint32_t line = 1 + (n * 5) % 4;
    const uint32_t column = 4 + 6 * ((n / 3) % 2);
    findings.push_back(at(file, line, column, rules[(n / 2) % 3], n % 4 ? "m" : "other"));
  }
  Diagnostic global;
  global.rule = "r";
  global.message = "no place";
  findings.push_back(make_finding(global));
  findings.push_back(make_finding(global));

  Findings got = findings;
  assign_fingerprints(got);

  std::vector<size_t> order(findings.size());
  for (size_t i = 0; i < order.size(); ++i)
    order[i] = i;
  auto place = [&](size_t i) {
    const Span& s = findings[i].diagnostic.span;
    return std::make_tuple(s.line, s.column, s.end_line, s.end_column, i);
  };
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const std::string ka = fingerprint_key(findings[a]), kb = fingerprint_key(findings[b]);
    return ka < kb || (ka == kb && place(a) < place(b));
  });
  std::map<std::string, std::set<uint32_t>> taken;  // by rule and line digest
  uint32_t occurrence = 0;
  std::set<std::string> distinct;
  for (size_t n = 0; n < order.size(); ++n) {
    const size_t i = order[n];
    const Finding& finding = findings[i];
    const std::string key = fingerprint_key(finding);
    occurrence = n > 0 && fingerprint_key(findings[order[n - 1]]) == key ? occurrence + 1 : 1;
    CAPTURE(i);
    CHECK(got[i].fingerprint == sha256_hex(key + '\0' + std::to_string(occurrence)).substr(0, 32));
    const Span& span = finding.diagnostic.span;
    const std::string hashed =
        span.valid() ? normalize_line(span.source->line(span.line)) : std::string("no place");
    const std::string digest = sha256_hex(hashed).substr(0, 16);
    uint32_t wanted = span.valid() ? occurrence_of(*span.source, span.line) : 1;
    std::set<uint32_t>& numbers = taken[finding.diagnostic.rule + '\0' + digest];
    while (numbers.contains(wanted))
      ++wanted;
    numbers.insert(wanted);
    CHECK(got[i].line_hash == digest + ":" + std::to_string(wanted));
    distinct.insert(got[i].fingerprint);
  }
  CHECK(distinct.size() == findings.size());
}
