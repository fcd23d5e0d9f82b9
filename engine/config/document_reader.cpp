// The one file that knows yaml-cpp: it turns yaml-cpp's tree into steward's Node with spans.
#include "config/document_reader.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <sstream>

#include "config/json_syntax.h"

namespace steward::config {

namespace {

bool is_json_path(const std::string& path) {
  return path.ends_with(".json");
}

// What converting one file may cost, counted in nodes plus scalar bytes, beyond twice the file's
// size (which no file without aliases exceeds). yaml-cpp shares an anchored node between its
// aliases, so nine lines of nested aliases ("billion laughs") expand to a billion nodes here.
constexpr size_t kAliasExpansionAllowance = 100'000;

Diagnostic nesting_too_deep(const Span& span) {
  Diagnostic d;
  d.rule = "syntax.too-deep";
  d.message = "nesting deeper than " + std::to_string(kMaxNestingDepth) + " levels";
  d.help = "no tracking plan needs this depth; check that the file is not generated wrongly";
  d.span = span;
  return d;
}

// yaml-cpp gives only a start mark; the end is found in the text, so a caret can underline the
// whole token.
class SpanFinder {
 public:
  explicit SpanFinder(const SourceRef& source) : source_(source) {}

  Span start(const YAML::Mark& mark) const {
    if (mark.is_null() || mark.line < 0) return {};
    auto line = static_cast<uint32_t>(mark.line + 1);
    auto column = static_cast<uint32_t>(mark.column + 1);
    return Span{source_, line, column, line, column};
  }

  // A scalar's span: from its start to its last character on the same line.
  Span scalar(const YAML::Mark& mark, const std::string& value, bool quoted) const {
    Span span = start(mark);
    if (!span.valid()) return span;
    std::string_view line = source_->line(span.line);
    size_t begin = span.column - 1;
    if (begin >= line.size()) return span;
    size_t end = begin;
    char first = line[begin];
    if (quoted && (first == '"' || first == '\'')) {
      end = begin + 1;
      while (end < line.size()) {
        if (first == '"' && line[end] == '\\') {
          end += 2;
          continue;
        }
        if (line[end] == first) {
          if (first == '\'' && end + 1 < line.size() && line[end + 1] == '\'') {
            end += 2;  // '' is an escaped quote in single-quoted YAML
            continue;
          }
          break;
        }
        ++end;
      }
      end = std::min(end, line.size() - 1);
    } else if (!value.empty() && value.find('\n') == std::string::npos &&
               line.substr(begin).starts_with(value)) {
      end = begin + value.size() - 1;
    }
    span.end_column = static_cast<uint32_t>(end + 1);
    return span;
  }

  // Whether a null's mark is on its own text (`~`, `null`, or an anchor or tag before it). An
  // empty value (`key:` with nothing after it) is marked at the next token instead, which may be
  // lines further down.
  bool written_null(const Span& span) const {
    if (!span.valid()) return false;
    std::string_view line = source_->line(span.line);
    if (span.column > line.size()) return false;
    std::string_view rest = line.substr(span.column - 1);
    if (rest.starts_with('&') || rest.starts_with('!')) return true;
    for (std::string_view word : {"~", "null", "Null", "NULL"}) {
      if (!rest.starts_with(word)) continue;
      std::string_view after = rest.substr(word.size());
      if (after.empty() ||
          std::string_view(" \t,]}#").find(after.front()) != std::string_view::npos) {
        return true;
      }
    }
    return false;
  }

  // The `-` of an empty item of a block sequence: the nearest line before `next` (the token after
  // the item) with a `-` in the sequence's column. Other lines of earlier items are indented more.
  Span dash_before(const Span& sequence, const Span& next) const {
    const size_t column = sequence.column - 1;
    for (uint32_t line = next.line; line-- > sequence.line;) {
      std::string_view text = source_->line(line);
      if (column < text.size() && text[column] == '-') {
        return Span{source_, line, sequence.column, line, sequence.column};
      }
    }
    return next;
  }

  bool is_block_sequence(const Span& sequence) const {
    if (!sequence.valid()) return false;
    std::string_view line = source_->line(sequence.line);
    return sequence.column <= line.size() && line[sequence.column - 1] == '-';
  }

 private:
  SourceRef source_;
};

struct Converter {
  const SpanFinder& spans;
  Diagnostics& diagnostics;
  size_t budget;  // nodes plus scalar bytes still allowed
  bool too_deep = false;
  bool too_large = false;

  // Whether conversion gave up; the file is then not read at all, like a file that does not parse.
  bool stopped() const { return too_deep || too_large; }

  Node convert(const YAML::Node& in, int depth) {
    Node out;
    if (stopped()) return out;
    if (depth > kMaxNestingDepth) {
      too_deep = true;
      diagnostics.push_back(nesting_too_deep(spans.start(in.Mark())));
      return out;
    }
    if (!spend(1, in)) return out;
    switch (in.Type()) {
      case YAML::NodeType::Undefined:
      case YAML::NodeType::Null:
        out.kind = Node::Kind::null;
        out.span = spans.start(in.Mark());
        out.text = in.Scalar();
        break;
      case YAML::NodeType::Scalar:
        if (!spend(in.Scalar().size(), in)) return out;
        out.kind = Node::Kind::scalar;
        out.text = in.Scalar();
        // yaml-cpp tags a quoted or block scalar "!" and a plain one "?".
        out.quoted = in.Tag() == "!";
        out.span = spans.scalar(in.Mark(), out.text, out.quoted);
        break;
      case YAML::NodeType::Sequence: {
        out.kind = Node::Kind::sequence;
        out.span = spans.start(in.Mark());
        const bool block = spans.is_block_sequence(out.span);
        out.items.reserve(in.size());
        for (const auto& item : in) {
          if (stopped()) break;
          Node node = convert(item, depth + 1);
          if (block && node.is_null() && !spans.written_null(node.span)) {
            node.span = spans.dash_before(out.span, node.span);
          }
          out.items.push_back(std::move(node));
        }
        break;
      }
      case YAML::NodeType::Map:
        out.kind = Node::Kind::mapping;
        out.span = spans.start(in.Mark());
        out.entries.reserve(in.size());
        for (const auto& pair : in) {
          if (stopped()) break;
          MapEntry entry{convert(pair.first, depth + 1), convert(pair.second, depth + 1)};
          // `key:` with nothing after it has no place of its own: place it at its key.
          if (entry.value.is_null() && !spans.written_null(entry.value.span)) {
            entry.value.span = entry.key.span;
          }
          out.entries.push_back(std::move(entry));
        }
        report_duplicate_keys(out);
        break;
    }
    extend_to_children(out);
    return out;
  }

  // Charges `cost` to the budget; once it is spent, reports the alias bomb and stops.
  bool spend(size_t cost, const YAML::Node& at) {
    if (cost <= budget) {
      budget -= cost;
      return true;
    }
    too_large = true;
    Diagnostic d;
    d.rule = "syntax.yaml";
    d.message = "anchors and aliases expand this file far beyond its size (an alias bomb?)";
    d.help = "write the repeated parts out, or use fewer nested aliases";
    d.span = spans.start(at.Mark());
    diagnostics.push_back(std::move(d));
    return false;
  }

  // A collection's span ends where its last child ends, so it covers its whole extent.
  static void extend_to_children(Node& node) {
    const Node* last = nullptr;
    if (node.is_sequence() && !node.items.empty()) last = &node.items.back();
    if (node.is_mapping() && !node.entries.empty()) last = &node.entries.back().value;
    if (last && last->span.valid() && node.span.valid()) {
      node.span.end_line = last->span.end_line;
      node.span.end_column = last->span.end_column;
    }
  }

  void report_duplicate_keys(const Node& mapping) {
    for (size_t i = 1; i < mapping.entries.size(); ++i) {
      const Node& key = mapping.entries[i].key;
      for (size_t j = 0; j < i; ++j) {
        if (mapping.entries[j].key.text != key.text || !key.is_scalar()) continue;
        Diagnostic d;
        d.rule = "schema.duplicate-key";
        d.message = "key '" + key.text + "' appears twice in this mapping";
        d.help = "remove one of them; YAML readers disagree on which one wins";
        d.span = key.span;
        d.base_span = {};
        d.suggestion = "first defined at line " + std::to_string(mapping.entries[j].key.span.line);
        diagnostics.push_back(std::move(d));
        break;
      }
    }
  }
};

// What a pass over the text finds before yaml-cpp sees it. Quotes and comments are recognised
// where YAML starts them, so that the apostrophe of a plain `don't` does not hide what follows.
struct FlowScan {
  // yaml-cpp recurses per flow bracket (and guards only at 500 levels): the offset of the first
  // bracket deeper than kMaxNestingDepth.
  std::optional<size_t> too_deep;
  // A ',' outside brackets where a token may start. yaml-cpp takes it for a flow entry, and one at
  // the top level of a document makes YAML::LoadAll read empty documents for ever.
  bool loose_comma = false;
};

FlowScan scan_flow(const std::string& text) {
  FlowScan scan;
  int depth = 0;
  char quote = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quote) {
      const bool escaped =
          (quote == '"' && c == '\\') ||
          (quote == '\'' && c == '\'' && i + 1 < text.size() && text[i + 1] == '\'');
      if (escaped) {
        ++i;
      } else if (c == quote) {
        quote = 0;
      }
      continue;
    }
    const char before = i == 0 ? ' ' : text[i - 1];
    const bool after_space = std::isspace(static_cast<unsigned char>(before));
    const bool token_start =
        after_space || before == '[' || before == '{' || before == ',' || before == ':';
    if ((c == '"' || c == '\'') && token_start) {
      quote = c;
    } else if (c == '#' && after_space) {
      i = std::min(text.find('\n', i), text.size());
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxNestingDepth) {
        scan.too_deep = i;
        return scan;
      }
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    } else if (c == ',' && depth == 0 &&
               (after_space || std::string_view("]}\"'").find(before) != std::string_view::npos)) {
      scan.loose_comma = true;
    }
  }
  return scan;
}

// Records where each document starts, to see yaml-cpp stop making progress.
class DocumentStarts : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark& mark) override { start = mark; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}

  YAML::Mark start;
};

// Where yaml-cpp would start the same document again and again (at a loose ','), if it would.
// Throws what yaml-cpp throws for a syntax error found on the way.
std::optional<YAML::Mark> endless_documents(const std::string& text) {
  std::istringstream in(text);
  YAML::Parser parser(in);
  DocumentStarts starts;
  std::optional<int> previous;
  while (parser.HandleNextDocument(starts)) {
    if (previous == starts.start.pos) return starts.start;
    previous = starts.start.pos;
  }
  return std::nullopt;
}

Diagnostic syntax_error(const SourceRef& source, const YAML::Exception& e, bool json) {
  SpanFinder spans(source);
  Diagnostic d;
  d.rule = json ? "syntax.json" : "syntax.yaml";
  d.message = std::string(json ? "invalid JSON: " : "invalid YAML: ") + e.msg;
  d.help = "fix the syntax; steward reads nothing else from this file until it parses";
  d.span = spans.start(e.mark);
  if (!d.span.valid()) d.span = Span{source, 1, 1, 1, 1};
  return d;
}

}  // namespace

ReadResult read_documents(const SourceRef& source) {
  ReadResult result;
  result.source = source;
  const bool json = is_json_path(source->path());
  if (json) {
    if (auto error = check_json_syntax(source, kMaxNestingDepth)) {
      result.diagnostics.push_back(std::move(*error));
      return result;
    }
  }
  const FlowScan scan = json ? FlowScan{} : scan_flow(source->text());
  if (scan.too_deep) {
    result.diagnostics.push_back(nesting_too_deep(span_at_offset(source, *scan.too_deep)));
    return result;
  }

  std::vector<YAML::Node> roots;
  try {
    // Only a file with a loose ',' can make LoadAll loop, so only such a file is parsed twice.
    if (scan.loose_comma) {
      if (auto stuck = endless_documents(source->text())) {
        Diagnostic d = syntax_error(
            source, YAML::ParserException(*stuck, "',' outside of a flow collection"), false);
        result.diagnostics.push_back(std::move(d));
        return result;
      }
    }
    roots = YAML::LoadAll(source->text());
  } catch (const YAML::DeepRecursion& e) {
    // yaml-cpp's own guard (at 500 levels) for nesting the bracket count above cannot see, such
    // as block nesting.
    Span span = SpanFinder(source).start(e.mark);
    result.diagnostics.push_back(nesting_too_deep(span.valid() ? span : Span{source, 1, 1, 1, 1}));
    return result;
  } catch (const YAML::Exception& e) {
    result.diagnostics.push_back(syntax_error(source, e, json));
    return result;
  } catch (const std::exception& e) {
    // yaml-cpp throws other exceptions on some malformed input; never let one escape the reader.
    Diagnostic d;
    d.rule = json ? "syntax.json" : "syntax.yaml";
    d.message = std::string("cannot read this file: ") + e.what();
    d.span = Span{source, 1, 1, 1, 1};
    result.diagnostics.push_back(std::move(d));
    return result;
  }

  SpanFinder spans(source);
  Converter converter{spans, result.diagnostics,
                      2 * source->text().size() + kAliasExpansionAllowance};
  for (size_t i = 0; i < roots.size() && !converter.stopped(); ++i) {
    Document document{converter.convert(roots[i], 0), source, i};
    if (!document.root.span.valid()) document.root.span = Span{source, 1, 1, 1, 1};
    result.documents.push_back(std::move(document));
  }
  // Like a syntax error, a file too deep or too large to convert is not read at all.
  if (converter.stopped()) result.documents.clear();
  return result;
}

}  // namespace steward::config
