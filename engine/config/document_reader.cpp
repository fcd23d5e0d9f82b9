// The one file that knows yaml-cpp: it turns yaml-cpp's tree into steward's Node with spans.
#include "config/document_reader.h"

#include <yaml-cpp/yaml.h>

#include "config/json_syntax.h"

namespace steward::config {

namespace {

bool is_json_path(const std::string& path) { return path.ends_with(".json"); }

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

 private:
  SourceRef source_;
};

struct Converter {
  const SpanFinder& spans;
  Diagnostics& diagnostics;
  bool too_deep = false;

  Node convert(const YAML::Node& in, int depth) {
    Node out;
    if (depth > kMaxNestingDepth) {
      if (!too_deep) {
        too_deep = true;
        Diagnostic d;
        d.rule = "syntax.too-deep";
        d.message = "nesting deeper than " + std::to_string(kMaxNestingDepth) + " levels";
        d.help = "no tracking plan needs this depth; check that the file is not generated wrongly";
        d.span = spans.start(in.Mark());
        diagnostics.push_back(std::move(d));
      }
      return out;
    }
    switch (in.Type()) {
      case YAML::NodeType::Undefined:
      case YAML::NodeType::Null:
        out.kind = Node::Kind::null;
        out.span = spans.start(in.Mark());
        out.text = in.Scalar();
        break;
      case YAML::NodeType::Scalar:
        out.kind = Node::Kind::scalar;
        out.text = in.Scalar();
        // yaml-cpp tags a quoted or block scalar "!" and a plain one "?".
        out.quoted = in.Tag() == "!";
        out.span = spans.scalar(in.Mark(), out.text, out.quoted);
        break;
      case YAML::NodeType::Sequence:
        out.kind = Node::Kind::sequence;
        out.span = spans.start(in.Mark());
        out.items.reserve(in.size());
        for (const auto& item : in) out.items.push_back(convert(item, depth + 1));
        break;
      case YAML::NodeType::Map:
        out.kind = Node::Kind::mapping;
        out.span = spans.start(in.Mark());
        out.entries.reserve(in.size());
        for (const auto& pair : in) {
          MapEntry entry{convert(pair.first, depth + 1), convert(pair.second, depth + 1)};
          // `key:` with nothing after it has no mark of its own: place it at its key.
          if (!entry.value.span.valid()) entry.value.span = entry.key.span;
          out.entries.push_back(std::move(entry));
        }
        report_duplicate_keys(out);
        break;
    }
    extend_to_children(out);
    return out;
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

// yaml-cpp recurses per flow bracket and guards only at 2,000 levels; refuse absurd bracket
// nesting before handing the text over.
std::optional<size_t> excessive_flow_nesting(const std::string& text) {
  int depth = 0;
  char quote = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quote) {
      if (c == '\\' && quote == '"') ++i;
      else if (c == quote) quote = 0;
      continue;
    }
    if (c == '"' || c == '\'') quote = c;
    else if (c == '#') {
      while (i < text.size() && text[i] != '\n') ++i;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxNestingDepth) return i;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
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
  const bool json = is_json_path(source->path());
  if (json) {
    if (auto error = check_json_syntax(source, kMaxNestingDepth)) {
      result.diagnostics.push_back(std::move(*error));
      return result;
    }
  } else if (auto offset = excessive_flow_nesting(source->text())) {
    Diagnostic d;
    d.rule = "syntax.too-deep";
    d.message = "nesting deeper than " + std::to_string(kMaxNestingDepth) + " levels";
    d.help = "no tracking plan needs this depth; check that the file is not generated wrongly";
    d.span = span_at_offset(source, *offset);
    result.diagnostics.push_back(std::move(d));
    return result;
  }

  std::vector<YAML::Node> roots;
  try {
    roots = YAML::LoadAll(source->text());
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
  Converter converter{spans, result.diagnostics};
  for (size_t i = 0; i < roots.size(); ++i) {
    Document document{converter.convert(roots[i], 0), source, i};
    if (!document.root.span.valid()) document.root.span = Span{source, 1, 1, 1, 1};
    result.documents.push_back(std::move(document));
  }
  return result;
}

}  // namespace steward::config
