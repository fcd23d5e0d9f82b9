#include "config/document_codec.h"

#include <cstdint>
#include <vector>

#include "config/byte_codec.h"
#include "config/node_arena.h"

namespace steward::config {

namespace {

constexpr std::string_view kDocumentMagic = "STWDOC";

// A diagnostic's strings up to this long are interned; longer ones rarely repeat.
constexpr size_t kMaxInternedBytes = 64;

// A node's text is written as where it stands in the file (nearly all of them: the reader's nodes
// point into the file's text where a scalar reads as written), tagged (offset << 1) | 1 and
// followed by its length, and decoded as a view into the file again; any other text is tagged 0,
// its length and its bytes following. Neither is looked up in a table: keys are where they are.
class Writer : public ByteWriter {
 public:
  explicit Writer(std::string_view file) : ByteWriter(kMaxInternedBytes), file_(file) {}

  // A span's place; its file is the one being encoded, or none.
  void span(const Span& span) { place(span.source != nullptr, span); }
  void span(const NodeSpan& span) { place(span.source != nullptr, span); }
  template <class Place>
  void place(bool in_file, const Place& span) {
    numbers({in_file ? 1u : 0u, span.line, span.column, span.end_line, span.end_column});
  }
  void node(const Node& node) {
    number(static_cast<uint64_t>(node.kind) | (node.quoted ? 4u : 0u));
    span(node.span);
    switch (node.kind) {
      case Node::Kind::null:
      case Node::Kind::scalar:
        node_text(node.text);
        break;
      case Node::Kind::sequence:
        number(node.items.size());
        for (const Node& item : node.items)
          this->node(item);
        break;
      case Node::Kind::mapping:
        number(node.entries.size());
        for (const MapEntry& entry : node.entries) {
          this->node(entry.key);
          this->node(entry.value);
        }
        break;
    }
  }

 private:
  void node_text(std::string_view text) {
    const auto first = reinterpret_cast<uintptr_t>(file_.data());
    const auto at = reinterpret_cast<uintptr_t>(text.data());
    if (!text.empty() && at >= first && at - first + text.size() <= file_.size()) {
      numbers({((at - first) << 1) | 1, text.size()});
      return;
    }
    number(0);
    number(text.size());
    raw(text);
  }

  std::string_view file_;
};

// Every read is checked against the bytes left; the first failure makes the whole decode fail.
// The nodes are made in `arena`, their texts views into the file's text or into `bytes` (which
// the arena keeps).
class Reader : public ByteReader {
 public:
  Reader(std::string_view bytes, const SourceRef& source, NodeArena& arena)
      : ByteReader(bytes, kMaxInternedBytes), source_(source), arena_(arena) {}

  // A node's text (see Writer): a view into the file, or into the bytes read.
  std::string_view node_text() {
    const uint64_t tag = number();
    if (tag == 0) return raw(count());
    const uint64_t size = number();  // of the file's text, which may be longer than the bytes left
    const std::string_view file = source_->text();
    const uint64_t offset = tag >> 1;
    if ((tag & 1) == 0 || offset > file.size() || size > file.size() - offset)
      return fail(), std::string_view();
    return file.substr(offset, size);
  }

  // A diagnostic's span: a node's, holding its file (the one given, which outlives the read).
  Span span() { return node_span(); }
  NodeSpan node_span() {
    NodeSpan span;
    const uint64_t has_source = number();
    if (has_source > 1) {
      fail();
      return span;
    }
    span.source = has_source ? source_.get() : nullptr;
    span.line = number32();
    span.column = number32();
    span.end_line = number32();
    span.end_column = number32();
    return span;
  }
  // Nesting is checked against the reader's own limit, so the recursion stays shallow.
  Node node(int depth) {
    Node node;
    if (depth > kMaxNestingDepth + 1) {
      fail();
      return node;
    }
    const uint64_t tag = number();
    if (tag > 7) {
      fail();
      return node;
    }
    node.kind = static_cast<Node::Kind>(tag & 3);
    node.quoted = (tag & 4) != 0;
    node.span = node_span();
    switch (node.kind) {
      case Node::Kind::null:
      case Node::Kind::scalar:
        node.text = node_text();
        break;
      case Node::Kind::sequence: {
        const size_t count = this->count();
        Node* items = arena_.nodes(count);
        for (size_t i = 0; i < count && ok(); ++i)
          items[i] = this->node(depth + 1);
        node.items = NodeList<Node>(items, count);
        break;
      }
      case Node::Kind::mapping: {
        const size_t count = this->count();
        MapEntry* entries = arena_.entries(count);
        for (size_t i = 0; i < count && ok(); ++i) {
          entries[i].key = this->node(depth + 1);
          entries[i].value = this->node(depth + 1);
        }
        node.entries = NodeList<MapEntry>(entries, count);
        break;
      }
    }
    return node;
  }

 private:
  SourceRef source_;
  NodeArena& arena_;
};

}  // namespace

std::string encode_read_result(const ReadResult& result) {
  Writer writer(result.source ? std::string_view(result.source->text()) : std::string_view());
  writer.raw(kDocumentMagic);
  writer.number(kDocumentCodecVersion);
  writer.number(result.documents.size());
  for (const Document& document : result.documents) {
    writer.number(document.index);
    writer.node(document.root);
  }
  writer.number(result.diagnostics.size());
  for (const Diagnostic& d : result.diagnostics)
    write_diagnostic(writer, d);
  return writer.take();
}

std::optional<ReadResult> decode_read_result(std::string bytes, const SourceRef& source) {
  if (!bytes.starts_with(kDocumentMagic)) return std::nullopt;
  // The nodes take about seven times the bytes that encode them (7.7 with 80-byte nodes); the
  // arena keeps the bytes too.
  auto arena = std::make_shared<NodeArena>(8 * bytes.size());
  Reader reader(arena->keep(std::move(bytes)), source, *arena);
  if (!reader.literal(kDocumentMagic) || reader.number() != kDocumentCodecVersion)
    return std::nullopt;
  ReadResult result;
  result.source = source;
  const size_t documents = reader.count();
  result.documents.reserve(documents);
  for (size_t i = 0; i < documents && reader.ok(); ++i) {
    const size_t index = reader.number32();
    Node root = reader.node(0);
    result.documents.emplace_back(root, source, index, arena);
  }
  const size_t diagnostics = reader.count();
  for (size_t i = 0; i < diagnostics && reader.ok(); ++i)
    result.diagnostics.push_back(read_diagnostic(reader, [&] { return reader.span(); }));
  // Bytes left over are as wrong as bytes missing.
  if (!reader.at_end()) return std::nullopt;
  return result;
}

}  // namespace steward::config
