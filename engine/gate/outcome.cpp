#include "gate/outcome.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <unordered_map>

#include "config/byte_codec.h"
#include "config/read_limits.h"

namespace steward::gate {

namespace {

constexpr std::string_view kMagic = "STWOUT";

// No line of a file steward reads lies beyond this (a file has at most kMaxFileBytes bytes): a
// larger number in the bytes is corruption. Decoding also refuses to write more empty lines than
// this over all files, so that corrupt bytes never make it allocate much more than their size; a
// real outcome that needs more (findings near the ends of many huge files) is only not cached.
constexpr uint64_t kMaxLine = config::kMaxFileBytes;

// The files spans point into, each with the lines the reports read.
struct SourceTable {
  std::unordered_map<const SourceFile*, uint64_t> index;  // 1-based
  std::vector<const SourceFile*> files;
  std::vector<std::set<uint32_t>> lines;

  void add(const Span& span) {
    if (!span.source) return;
    auto [it, added] = index.emplace(span.source.get(), files.size() + 1);
    if (added) {
      files.push_back(span.source.get());
      lines.emplace_back();
    }
    for (uint32_t line : {span.line, span.end_line}) {
      if (line > 0 && line <= span.source->line_count()) lines[it->second - 1].insert(line);
    }
  }
};

class Writer : public config::ByteWriter {
 public:
  explicit Writer(const SourceTable& sources) : sources_(sources) {}

  void span(const Span& span) {
    number(span.source ? sources_.index.at(span.source.get()) : 0);
    number(span.line);
    number(span.column);
    number(span.end_line);
    number(span.end_column);
  }
  void finding(const findings::Finding& f) {
    config::write_diagnostic(*this, f.diagnostic);
    text(f.subject);
    number(f.subjects.size());
    for (const auto& subject : f.subjects)
      text(subject);
    unique_text(f.fingerprint);
    unique_text(f.line_hash);
    number(f.is_new ? (*f.is_new ? 2 : 1) : 0);
    number(static_cast<uint64_t>(f.suppression->kind));
    text(f.suppression->reason);
    text(f.suppression->approved_by);
    span(f.suppression->span);
    number(f.fixes.size());
    for (const auto& fix : f.fixes) {
      span(fix.range);
      text(fix.replacement);
    }
  }

 private:
  const SourceTable& sources_;
};

// Every read is checked against the bytes left; the first failure makes the whole decode fail.
class Reader : public config::ByteReader {
 public:
  using ByteReader::ByteReader;

  Span span(const std::vector<SourceRef>& sources) {
    Span span;
    const uint64_t source = at_most(sources.size());
    if (source > 0) span.source = sources[source - 1];
    span.line = number32();
    span.column = number32();
    span.end_line = number32();
    span.end_column = number32();
    return span;
  }
};

SourceTable sources_of(const OutcomeParts& outcome) {
  SourceTable sources;
  for (const auto& f : outcome.findings) {
    sources.add(f.diagnostic.span);
    sources.add(f.diagnostic.base_span);
    sources.add(f.suppression->span);
    for (const auto& fix : f.fixes)
      sources.add(fix.range);
  }
  for (const auto& review : outcome.reviews)
    sources.add(review.span);
  return sources;
}

void write_sources(Writer& out, const SourceTable& sources) {
  out.number(sources.files.size());
  for (size_t i = 0; i < sources.files.size(); ++i) {
    out.text(sources.files[i]->path());
    out.text(sources.files[i]->revision());
    out.number(sources.lines[i].size());
    for (uint32_t line : sources.lines[i]) {
      out.number(line);
      out.text(sources.files[i]->line(line));
    }
  }
}

// A file of only the lines kept, each at its number (the others empty): SourceFile::line gives
// back exactly what it gave when the outcome was encoded.
std::optional<std::vector<SourceRef>> read_sources(Reader& in) {
  std::vector<SourceRef> sources;
  uint64_t padding = 0;  // empty lines written, over all files
  for (size_t count = in.count(); count > 0 && in.ok(); --count) {
    std::string path = in.text();
    std::string revision = in.text();
    std::string text;
    uint64_t previous = 0;
    for (size_t n = in.count(); n > 0 && in.ok(); --n) {
      const uint64_t line = in.at_most(kMaxLine);
      std::string content = in.text();
      if (line <= previous) return std::nullopt;  // written in increasing order
      padding += line - previous;
      if (padding > kMaxLine) return std::nullopt;
      text.append(line - previous - (previous == 0 ? 1 : 0), '\n');
      // Line 1 loses a byte-order mark when read: one more keeps a text that began with two.
      if (line == 1 && content.starts_with("\xEF\xBB\xBF")) text += "\xEF\xBB\xBF";
      text += content;
      previous = line;
    }
    if (!in.ok()) return std::nullopt;
    sources.push_back(make_source(std::move(path), std::move(text), std::move(revision)));
  }
  if (!in.ok()) return std::nullopt;
  return sources;
}

// The fewest bytes an encoded finding takes (read_finding): 15 numbers of a byte at least (texts
// by reference, counts of none) and 3 spans of 5.
constexpr size_t kLeastFindingBytes = 15 + 3 * 5;

// Reads into `f` where it will stay (a finding is 448 bytes, and tens of thousands of them were
// each moved once more); false when the bytes do not hold one.
bool read_finding(Reader& in, const std::vector<SourceRef>& sources, findings::Finding& f) {
  f.diagnostic = config::read_diagnostic(in, [&] { return in.span(sources); });
  f.subject = in.text();
  for (size_t n = in.count(); n > 0 && in.ok(); --n)
    f.subjects.push_back(in.text());
  f.fingerprint = in.text();
  f.line_hash = in.text();
  const uint64_t is_new = in.at_most(2);
  if (is_new > 0) f.is_new = is_new == 2;
  findings::Suppression suppression;
  suppression.kind = static_cast<findings::Suppression::Kind>(
      in.at_most(static_cast<uint64_t>(findings::Suppression::Kind::waiver)));
  suppression.reason = in.text();
  suppression.approved_by = in.text();
  suppression.span = in.span(sources);
  f.suppression = std::move(suppression);  // none held for the unsuppressed
  for (size_t n = in.count(); n > 0 && in.ok(); --n) {
    findings::TextEdit& fix = f.fixes.emplace_back();
    fix.range = in.span(sources);
    fix.replacement = in.text();
  }
  return in.ok();
}

}  // namespace

std::string encode_outcome(const OutcomeParts& outcome) {
  const SourceTable sources = sources_of(outcome);
  Writer out(sources);
  // About a subject of its own per finding (messages, fingerprints and line hashes are written
  // without the table), and 400 bytes.
  out.reserve(outcome.findings.size() + 64, 400 * outcome.findings.size() + 4096);
  out.raw(kMagic);
  out.number(kOutcomeCodecVersion);
  write_sources(out, sources);
  out.number(outcome.findings.size());
  for (const auto& f : outcome.findings)
    out.finding(f);
  out.number(outcome.reviews.size());
  for (const auto& review : outcome.reviews) {
    out.text(review.rule);
    out.text(review.team);
    out.text(review.reason);
    out.span(review.span);
  }
  out.text(outcome.change_summary_text);
  out.text(outcome.change_summary_markdown);
  return out.take();
}

std::optional<CheckOutcome> decode_outcome(std::string_view bytes) {
  if (!bytes.starts_with(kMagic)) return std::nullopt;
  Reader in(bytes.substr(kMagic.size()));
  if (in.number() != kOutcomeCodecVersion || !in.ok()) return std::nullopt;
  std::optional<std::vector<SourceRef>> sources = read_sources(in);
  if (!sources) return std::nullopt;
  CheckOutcome outcome;
  // Reserved once: a large plan's outcome holds tens of thousands of findings, and growing the
  // vector moved each of them again at every doubling (a warm check's largest cost after
  // reading the entry). The count is trusted only as far as the bytes left could hold it.
  const size_t count = in.count();
  outcome.findings.reserve(std::min(count, in.remaining() / kLeastFindingBytes));
  for (size_t n = count; n > 0 && in.ok(); --n) {
    if (!read_finding(in, *sources, outcome.findings.emplace_back())) return std::nullopt;
  }
  for (size_t n = in.count(); n > 0 && in.ok(); --n) {
    ReviewRequest& review = outcome.reviews.emplace_back();
    review.rule = in.text();
    review.team = in.text();
    review.reason = in.text();
    review.span = in.span(*sources);
  }
  outcome.change_summary_text = in.text();
  outcome.change_summary_markdown = in.text();
  if (!in.at_end()) return std::nullopt;
  return outcome;
}

}  // namespace steward::gate
