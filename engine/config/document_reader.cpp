// Reads YAML and JSON with libyaml's event API into steward's Node, in one pass. The one file that
// knows libyaml. Nothing here recurses on the input's nesting: open collections live on a stack.
#include "config/document_reader.h"

#include <yaml.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <unordered_map>

#include "config/duplicate_keys.h"
#include "config/input_checks.h"
#include "config/json_syntax.h"
#include "config/node_arena.h"
#include "config/text_locator.h"
#include "source/diagnostic_factory.h"
#include "source/rule_ids.h"

namespace steward::config {

namespace {

bool is_json_path(const std::string& path) {
  return path.ends_with(".json");
}

Diagnostic nesting_too_deep(const Span& span) {
  return make_diagnostic(
      rule_id::kSyntaxTooDeep, Severity::error, span,
      "nesting deeper than " + std::to_string(kMaxNestingDepth) + " levels",
      "no tracking plan needs this depth; check that the file is not generated wrongly");
}

// A collection being read, with what its subtree costs: an alias of it adds that much to every
// walk over the tree. Its children wait on the builder's `pending_` from `first` on (a mapping's
// as key, value, key...) until it ends and they move to the arena together, in one array.
struct Frame {
  Node node;
  size_t first = 0;
  std::string anchor;
  bool block = false;  // a block sequence places an empty item at its '-'
  size_t cost = 1;     // nodes plus scalar bytes
  int height = 0;      // levels below this node
};

struct Anchored {
  Node node;
  size_t cost = 0;
  int height = 0;
};

class Builder {
 public:
  Builder(const SourceRef& source, ReadResult& result)
      : source_(source),
        result_(result),
        locator_(source),
        // The nodes take about ten times the bytes of the text that writes them (a tracking
        // plan's event files: 10.5 with 80-byte nodes), so most files need one block.
        arena_(std::make_shared<NodeArena>(10 * source->text().size())),
        alias_budget_(2 * source->text().size() + kAliasExpansionAllowance) {}

  // Handles one event; false once reading stops (an error was reported).
  bool handle(const yaml_event_t& event);
  TextLocator& locator() { return locator_; }

 private:
  NodeSpan span_of(const yaml_event_t& event) {
    return locator_.node_range(mark_of(event.start_mark), mark_of(event.end_mark));
  }
  static TextLocator::Mark mark_of(const yaml_mark_t& mark) {
    return {mark.index, mark.line, mark.column};
  }
  NodeSpan point(const yaml_mark_t& mark) {
    return locator_.node_at_byte(locator_.byte_offset(mark.index));
  }
  bool stop(Diagnostic d) {
    result_.diagnostics.push_back(std::move(d));
    return false;
  }
  bool count_node(const NodeSpan& at);
  bool scalar(const yaml_event_t& event);
  bool start(const yaml_event_t& event, bool mapping);
  bool end();
  bool alias(const yaml_event_t& event);
  void attach(const Node& node, const std::string& anchor, size_t cost, int height);
  // A waiting mapping key (at the top of `pending_`), or nullptr.
  const Node* waiting_key() const {
    const Frame& parent = stack_.back();
    const bool odd = (pending_.size() - parent.first) % 2 == 1;
    return parent.node.is_mapping() && odd ? &pending_.back() : nullptr;
  }
  // The scalar's text where the file holds it as it reads (a plain or a quoted scalar without
  // escapes or line breaks, nearly all of them), else a copy in the arena.
  std::string_view scalar_text(const yaml_event_t& event);

  SourceRef source_;
  ReadResult& result_;
  TextLocator locator_;
  std::shared_ptr<NodeArena> arena_;
  std::vector<Frame> stack_;
  std::vector<Node> pending_;
  std::unordered_map<std::string, Anchored> anchors_;
  std::optional<Node> root_;  // the document's root, once read
  size_t nodes_ = 0;
  size_t alias_budget_;
};

// How a plain scalar writes null: nothing, `~`, `null`, `Null` or `NULL`. The length and first
// letter are looked at first: most of a plan's scalars are 4 letters long (`none`, `true`), and
// comparing each with three texts was a percent of a cold check.
bool is_null_text(std::string_view value) {
  switch (value.size()) {
    case 0:
      return true;
    case 1:
      return value[0] == '~';
    case 4:
      return value[0] == 'n' ? value == "null"
                             : value[0] == 'N' && (value == "Null" || value == "NULL");
    default:
      return false;
  }
}

std::string anchor_of(const yaml_char_t* anchor) {
  return anchor ? std::string(reinterpret_cast<const char*>(anchor)) : std::string();
}

bool Builder::count_node(const NodeSpan& at) {
  if (++nodes_ <= kMaxNodesPerFile) return true;
  return stop(too_large(at, "more than " + std::to_string(kMaxNodesPerFile) +
                                " nodes in one file, the most steward reads"));
}

bool Builder::scalar(const yaml_event_t& event) {
  const auto& data = event.data.scalar;
  NodeSpan span = span_of(event);
  if (static_cast<int>(stack_.size()) > kMaxNestingDepth) return stop(nesting_too_deep(span));
  if (!count_node(span)) return false;
  if (data.length > kMaxScalarBytes) {
    return stop(too_large(
        span, "a value of " + std::to_string(data.length) + " bytes is longer than " +
                  std::to_string(kMaxScalarBytes >> 20) + " MiB, the most steward reads"));
  }
  Node node;
  node.quoted = data.style != YAML_PLAIN_SCALAR_STYLE && data.style != YAML_ANY_SCALAR_STYLE;
  const std::string_view value(reinterpret_cast<const char*>(data.value), data.length);
  const bool plain_null = !node.quoted && is_null_text(value);
  node.kind = plain_null ? Node::Kind::null : Node::Kind::scalar;
  if (!plain_null) node.text = scalar_text(event);  // a null reads the same however it is written
  // A block scalar, or a quoted or plain one over several lines, is placed at its first line; a
  // quoted one is underlined to the end of that line.
  if (span.end_line != span.line) {
    span.end_line = span.line;
    span.end_column = span.column;
    if (node.quoted && data.style != YAML_LITERAL_SCALAR_STYLE &&
        data.style != YAML_FOLDED_SCALAR_STYLE) {
      const auto length = static_cast<uint32_t>(source_->line(span.line).size());
      if (length >= span.column) span.end_column = length;
    }
  } else if (data.style == YAML_LITERAL_SCALAR_STYLE || data.style == YAML_FOLDED_SCALAR_STYLE) {
    span.end_column = span.column;
  }
  if (plain_null) {  // `~` and `null` alike are placed at their first character
    span.end_line = span.line;
    span.end_column = span.column;
  }
  node.span = span;
  // An empty value (`key:` with nothing after it) has no place of its own: it is placed at its
  // key, or at the '-' of its block sequence item.
  if (plain_null && event.start_mark.index == event.end_mark.index && !stack_.empty()) {
    if (const Node* key = waiting_key()) {
      node.span = key->span;
    } else if (stack_.back().block && event.start_mark.index > 0) {
      node.span = locator_.node_range(event.start_mark.index - 1, event.start_mark.index);
    }
  }
  attach(node, anchor_of(data.anchor), 1 + data.length, 0);
  return true;
}

std::string_view Builder::scalar_text(const yaml_event_t& event) {
  const auto& data = event.data.scalar;
  const std::string_view value(reinterpret_cast<const char*>(data.value), data.length);
  if (value.empty()) return {};
  const std::string& text = source_->text();
  size_t at = locator_.byte_offset(event.start_mark.index);
  if (data.style == YAML_SINGLE_QUOTED_SCALAR_STYLE ||
      data.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE)
    ++at;
  // Compared with memcmp, not a view's operator==: asked of every scalar of every file, where the
  // comparison was a call of its own.
  const bool as_written = data.style != YAML_LITERAL_SCALAR_STYLE &&
                          data.style != YAML_FOLDED_SCALAR_STYLE && at <= text.size() &&
                          text.size() - at >= value.size() &&
                          std::memcmp(text.data() + at, value.data(), value.size()) == 0;
  return as_written ? std::string_view(text).substr(at, value.size()) : arena_->text(value);
}

bool Builder::start(const yaml_event_t& event, bool mapping) {
  NodeSpan span = point(event.start_mark);
  if (static_cast<int>(stack_.size()) > kMaxNestingDepth) return stop(nesting_too_deep(span));
  if (!count_node(span)) return false;
  Frame frame;
  frame.node.kind = mapping ? Node::Kind::mapping : Node::Kind::sequence;
  frame.node.span = span;
  frame.first = pending_.size();
  if (mapping) {
    frame.anchor = anchor_of(event.data.mapping_start.anchor);
  } else {
    frame.anchor = anchor_of(event.data.sequence_start.anchor);
    frame.block = event.data.sequence_start.style == YAML_BLOCK_SEQUENCE_STYLE;
  }
  stack_.push_back(std::move(frame));
  return true;
}

bool Builder::end() {
  if (stack_.empty()) return true;
  Frame frame = std::move(stack_.back());
  stack_.pop_back();
  Node& node = frame.node;
  const auto children = pending_.begin() + static_cast<std::ptrdiff_t>(frame.first);
  const size_t count = pending_.size() - frame.first;
  if (node.is_sequence()) {
    Node* items = arena_->nodes(count);
    std::copy(children, pending_.end(), items);
    node.items = NodeList<Node>(items, count);
  } else {
    // libyaml gives every key a value (an empty one at least), so the count is even.
    MapEntry* entries = arena_->entries(count / 2);
    for (size_t i = 0; i < count / 2; ++i)
      entries[i] = MapEntry{children[2 * i], children[2 * i + 1]};
    node.entries = NodeList<MapEntry>(entries, count / 2);
  }
  pending_.erase(children, pending_.end());
  // A collection's span ends where its last child ends, so it covers its whole extent.
  const Node* last = nullptr;
  if (node.is_sequence() && !node.items.empty()) last = &node.items.back();
  if (node.is_mapping() && !node.entries.empty()) last = &node.entries.back().value;
  if (last && last->span.valid()) {
    node.span.end_line = last->span.end_line;
    node.span.end_column = last->span.end_column;
  }
  if (node.is_mapping()) report_duplicate_keys(node, result_.diagnostics);
  attach(node, frame.anchor, frame.cost, frame.height);
  return true;
}

bool Builder::alias(const yaml_event_t& event) {
  const std::string name = anchor_of(event.data.alias.anchor);
  NodeSpan span = span_of(event);
  auto found = anchors_.find(name);
  if (found == anchors_.end()) {
    // An alias inside the node its anchor names would expand for ever.
    for (const Frame& frame : stack_) {
      if (frame.anchor == name) return stop(nesting_too_deep(frame.node.span));
    }
    return stop(make_diagnostic(rule_id::kSyntaxYaml, Severity::error, span,
                                "invalid YAML: the alias *" + name + " names no anchor before it",
                                "define the anchor (&" + name + ") before its first use"));
  }
  const Anchored& anchored = found->second;
  if (static_cast<int>(stack_.size()) + anchored.height > kMaxNestingDepth) {
    return stop(nesting_too_deep(span));
  }
  if (anchored.cost > alias_budget_) {
    return stop(
        make_diagnostic(rule_id::kSyntaxYaml, Severity::error, span,
                        "anchors and aliases expand this file far beyond its size (an alias bomb?)",
                        "write the repeated parts out, or use fewer nested aliases"));
  }
  alias_budget_ -= anchored.cost;
  nodes_ += anchored.cost;  // an upper bound of the nodes it adds
  if (!count_node(span)) return false;
  attach(anchored.node, std::string(), anchored.cost, anchored.height);
  return true;
}

// An alias shares the anchored node's children: nodes are views, so nothing is copied.
void Builder::attach(const Node& node, const std::string& anchor, size_t cost, int height) {
  if (!anchor.empty()) anchors_[anchor] = Anchored{node, cost, height};
  if (stack_.empty()) {
    root_ = node;
    return;
  }
  Frame& parent = stack_.back();
  parent.cost += cost;
  parent.height = std::max(parent.height, height + 1);
  pending_.push_back(node);
}

bool Builder::handle(const yaml_event_t& event) {
  switch (event.type) {
    case YAML_DOCUMENT_START_EVENT:
      anchors_.clear();  // anchors belong to their document
      root_.reset();
      return true;
    case YAML_DOCUMENT_END_EVENT: {
      Document document(root_ ? *root_ : Node{}, source_, result_.documents.size(), arena_);
      if (!document.root.span.valid()) document.root.span = point(event.start_mark);
      result_.documents.push_back(std::move(document));
      return true;
    }
    case YAML_SCALAR_EVENT:
      return scalar(event);
    case YAML_SEQUENCE_START_EVENT:
      return start(event, false);
    case YAML_MAPPING_START_EVENT:
      return start(event, true);
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
      return end();
    case YAML_ALIAS_EVENT:
      return alias(event);
    default:
      return true;
  }
}

std::string position(const yaml_mark_t& mark, TextLocator& locator) {
  Span span = locator.at_byte(locator.byte_offset(mark.index));
  return std::to_string(span.line) + ":" + std::to_string(span.column);
}

// libyaml's error, at the place to fix: for a bracket or quote never closed that is where it
// opened (libyaml's context mark), not where the parser gave up, which may be far below.
Diagnostic syntax_error(const yaml_parser_t& parser, TextLocator& locator, bool json) {
  const std::string_view rule = json ? rule_id::kSyntaxJson : rule_id::kSyntaxYaml;
  const std::string help =
      "fix the syntax; steward reads nothing else from this file until it parses";
  auto error = [&](Span span, std::string message) {
    return make_diagnostic(rule, Severity::error, std::move(span), std::move(message), help);
  };
  const std::string prefix = json ? "invalid JSON: " : "invalid YAML: ";
  const std::string problem = parser.problem ? parser.problem : "cannot be parsed";
  if (parser.error == YAML_READER_ERROR) {
    // problem_offset counts bytes of the whole input.
    return make_diagnostic(rule, Severity::error, locator.at_byte(parser.problem_offset),
                           prefix + "not UTF-8 text: " + problem, "save the file as UTF-8");
  }
  if (parser.error == YAML_MEMORY_ERROR) return error(locator.at_byte(0), prefix + "out of memory");
  const std::string context = parser.context ? parser.context : "";
  const char* opened = nullptr;
  if (context == "while parsing a flow sequence") opened = "flow sequence ('[')";
  if (context == "while parsing a flow mapping") opened = "flow mapping ('{')";
  if (context == "while scanning a quoted scalar") opened = "quoted string";
  const bool elsewhere = parser.context_mark.line != parser.problem_mark.line ||
                         problem.find("end of stream") != std::string::npos;
  if (opened && elsewhere) {
    Span span = locator.at_byte(locator.byte_offset(parser.context_mark.index));
    std::string message = prefix + "unclosed " + opened + " opened at " +
                          std::to_string(span.line) + ":" + std::to_string(span.column) + " (" +
                          problem + " at " + position(parser.problem_mark, locator) + ")";
    return error(std::move(span), std::move(message));
  }
  return error(locator.at_byte(locator.byte_offset(parser.problem_mark.index)), prefix + problem);
}

struct Parser {
  yaml_parser_t parser;
  Parser() { yaml_parser_initialize(&parser); }
  ~Parser() { yaml_parser_delete(&parser); }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;
};

struct Event {
  yaml_event_t event{};
  ~Event() { yaml_event_delete(&event); }
};

}  // namespace

ReadResult read_documents(const SourceRef& source) {
  ReadResult result;
  result.source = source;
  const bool json = is_json_path(source->path());
  if (auto problem = check_input(source, json)) {
    result.diagnostics.push_back(std::move(*problem));
    return result;
  }
  if (json) {
    if (auto error = check_json_syntax(source, kMaxNestingDepth)) {
      result.diagnostics.push_back(std::move(*error));
      return result;
    }
  }
  Parser parser;
  const std::string& text = source->text();
  yaml_parser_set_input_string(&parser.parser, reinterpret_cast<const unsigned char*>(text.data()),
                               text.size());
  Builder builder(source, result);
  bool ok = true;
  for (;;) {
    Event event;
    if (!yaml_parser_parse(&parser.parser, &event.event)) {
      result.diagnostics.push_back(syntax_error(parser.parser, builder.locator(), json));
      ok = false;
      break;
    }
    if (!builder.handle(event.event)) {
      ok = false;
      break;
    }
    if (event.event.type == YAML_STREAM_END_EVENT) break;
  }
  // Like a syntax error, a file too deep or too large to read is not read at all, and the error
  // is all that is said about it.
  if (!ok) {
    result.documents.clear();
    result.diagnostics.erase(result.diagnostics.begin(), result.diagnostics.end() - 1);
  }
  return result;
}

}  // namespace steward::config
