#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <limits>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "config/text_table.h"
#include "source/diagnostic.h"
#include "source/shared_value.h"

// The primitives of steward's cache codecs (a parsed document, config/document_codec.cpp; a
// check's outcome, gate/outcome.cpp): LEB128 numbers and strings kept in a table as they first
// appear, so that a repeated one is written as its number. The reader checks every read against
// the bytes left, and the first failure fails the whole decode: a corrupt or truncated cache
// entry is refused, never trusted and never a reason to allocate much more than its size.
namespace steward::config {

class ByteWriter {
 public:
  // Strings longer than `max_interned` bytes are always written out (they rarely repeat).
  explicit ByteWriter(size_t max_interned = std::numeric_limits<size_t>::max())
      : max_interned_(max_interned) {}

  // Room for about `strings` distinct strings and `bytes` of output, when a large encoding can
  // tell: growing the table by rehashing and the output by copying cost a large outcome a tenth of
  // its encoding.
  void reserve(size_t strings, size_t bytes) {
    table_.reserve(strings);
    out_.reserve(bytes);
  }

  // Written straight into the buffer: a parsed document is millions of small numbers, and
  // appending them byte by byte to a string (a size check and a terminator for each byte) was
  // most of the time a cold check spent encoding documents for the cache.
  void number(uint64_t value) {
    char* at = room(kMaxNumberBytes);
    put(at, value);
    used_ = static_cast<size_t>(at - out_.data());
  }
  // Several numbers with one check of the room left: a document's every node writes its kind and
  // its span's five, and a call and a check for each were most of encoding it.
  void numbers(std::initializer_list<uint64_t> values) {
    char* at = room(kMaxNumberBytes * values.size());
    for (uint64_t value : values)
      put(at, value);
    used_ = static_cast<size_t>(at - out_.data());
  }
  // `bytes` as they are.
  void raw(std::string_view bytes) {
    if (bytes.empty()) return;
    std::memcpy(room(bytes.size()), bytes.data(), bytes.size());
    used_ += bytes.size();
  }
  // A string written before is its number in the table; 0 introduces a new one. The table keeps
  // views: what is encoded must outlive the writer.
  void text(std::string_view value) {
    if (value.size() <= max_interned_) {
      if (const uint64_t known = table_.find_or_add(value, numbered_ + 1)) {
        number(known);
        return;
      }
      ++numbered_;
    }
    number(0);
    number(value.size());
    raw(value);
  }
  // text(*value) for a text held once and written many times (a rule's help, in every one of its
  // findings): remembered by where it is held, so that it is hashed once, not once a finding
  // (40,000 helps of a few hundred bytes were a fifth of a large outcome's encoding). The bytes
  // are text()'s; read with shared_text().
  void shared_text(const SharedValue<std::string>& value) {
    const std::string& text_value = *value;
    if (text_value.size() > max_interned_) return text(text_value);
    auto [it, added] = by_place_.emplace(&text_value, 0);
    if (!added) return number(it->second);
    text(text_value);
    it->second = table_.find(text_value);
  }
  // A text that does not come again (a finding's message, its fingerprint): written out and
  // numbered as the reader numbers every new text, but neither looked up nor remembered. Read
  // with text(), like any other.
  void unique_text(std::string_view value) {
    if (value.size() <= max_interned_) ++numbered_;
    number(0);
    number(value.size());
    raw(value);
  }

  size_t size() const { return used_; }  // bytes written so far
  // What was written; the writer is empty after.
  std::string take() {
    out_.resize(used_);
    used_ = 0;
    return std::move(out_);
  }

 private:
  static constexpr size_t kMaxNumberBytes = 10;  // a 64-bit number, 7 bits a byte

  // LEB128: seven bits a byte, low bits first, the high bit set on every byte but the last.
  static void put(char*& at, uint64_t value) {
    while (value >= 0x80) {
      *at++ = static_cast<char>((value & 0x7F) | 0x80);
      value >>= 7;
    }
    *at++ = static_cast<char>(value);
  }

  // Where the next `size` bytes go. The buffer's size runs ahead of what is written (used_), so
  // that writing checks one bound; take() cuts it back.
  char* room(size_t size) {
    if (out_.size() - used_ < size) grow(size);
    return out_.data() + used_;
  }
  void grow(size_t size) {
    // A page at a time past what is needed; the string's capacity still grows by doubling.
    constexpr size_t kStep = 4096;
    out_.resize(used_ + size + kStep);
  }

  std::string out_;
  size_t used_ = 0;  // bytes of out_ written
  size_t max_interned_;
  TextTable table_;
  std::unordered_map<const std::string*, uint64_t> by_place_;  // shared_text's
  uint64_t numbered_ = 0;  // texts written out that the reader keeps in its table
};

class ByteReader {
 public:
  // `max_interned` must be the writer's. `bytes` must outlive the reader.
  explicit ByteReader(std::string_view bytes,
                      size_t max_interned = std::numeric_limits<size_t>::max())
      : bytes_(bytes), max_interned_(max_interned) {}

  bool ok() const { return ok_; }
  bool at_end() const { return ok_ && at_ == bytes_.size(); }

  uint64_t number() {
    uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (at_ >= bytes_.size()) return fail();
      const auto byte = static_cast<unsigned char>(bytes_[at_++]);
      value |= static_cast<uint64_t>(byte & 0x7F) << shift;
      if (!(byte & 0x80)) return value;
    }
    return fail();
  }
  uint64_t at_most(uint64_t limit) {
    const uint64_t value = number();
    return value > limit ? fail() : value;
  }
  uint32_t number32() { return static_cast<uint32_t>(at_most(UINT32_MAX)); }
  size_t remaining() const { return ok_ ? bytes_.size() - at_ : 0; }
  // A count of things that take at least one byte each: never more than the bytes left.
  size_t count() { return static_cast<size_t>(at_most(bytes_.size() - at_)); }
  std::string text() { return std::string(text_view()); }
  // The next text as a view into the bytes read, valid as long as they are.
  std::string_view text_view() {
    size_t index = 0;
    return text_view(index);
  }
  // A text written once and referred to after (a rule's help, in every one of its findings) is
  // one shared string for all of its readings, as it was before it was written.
  SharedValue<std::string> shared_text() {
    size_t index = kNotInTable;
    const std::string_view value = text_view(index);
    if (index == kNotInTable || value.empty()) return SharedValue<std::string>(std::string(value));
    if (shared_.size() <= index) shared_.resize(index + 1);
    if (!shared_[index].has_value()) shared_[index] = std::string(value);
    return shared_[index];
  }
  // The next `size` bytes as they are, valid as long as the bytes read.
  std::string_view raw(size_t size) {
    if (size > remaining()) return fail(), std::string_view();
    const std::string_view value = bytes_.substr(at_, size);
    at_ += size;
    return value;
  }
  bool literal(std::string_view expected) {
    if (bytes_.substr(at_, expected.size()) != expected) return fail();
    at_ += expected.size();
    return true;
  }
  // Marks the decode failed and skips to the end; returns 0 so a read can `return fail();`.
  uint64_t fail() {
    ok_ = false;
    at_ = bytes_.size();
    return 0;
  }

 private:
  static constexpr size_t kNotInTable = std::numeric_limits<size_t>::max();

  // The next text, and in `index` its place in the table when it has one.
  std::string_view text_view(size_t& index) {
    index = kNotInTable;
    const uint64_t reference = number();
    if (reference > 0) {
      if (reference > table_.size()) return fail(), std::string_view();
      index = static_cast<size_t>(reference - 1);
      return table_[index];
    }
    const size_t size = count();
    if (!ok_) return {};
    std::string_view value = bytes_.substr(at_, size);
    at_ += size;
    if (value.size() <= max_interned_) {
      index = table_.size();
      table_.push_back(value);
    }
    return value;
  }

  std::string_view bytes_;
  size_t max_interned_;
  size_t at_ = 0;
  bool ok_ = true;
  std::vector<std::string_view> table_;           // the strings read so far, views into bytes_
  std::vector<SharedValue<std::string>> shared_;  // by table index, once shared_text() read one
};

// A diagnostic's fields, in the one order both codecs keep them. Spans are each codec's own: a
// document's point into its one file, an outcome's into a table of files; `out.span(span)`
// writes one, `read_span()` reads one back.
template <class Writer>
void write_diagnostic(Writer& out, const Diagnostic& d) {
  out.text(d.rule);
  out.number(static_cast<uint64_t>(d.severity));
  out.unique_text(d.message);
  out.span(d.span);
  out.span(d.base_span);
  out.shared_text(d.help);
  out.unique_text(d.suggestion);  // rarely the same twice
  out.text(d.subject);
}

template <class ReadSpan>
Diagnostic read_diagnostic(ByteReader& in, ReadSpan read_span) {
  Diagnostic d;
  d.rule = in.text();
  d.severity = static_cast<Severity>(in.at_most(static_cast<uint64_t>(Severity::error)));
  d.message = in.text();
  d.span = read_span();
  d.base_span = read_span();
  d.help = in.shared_text();
  d.suggestion = in.text();
  d.subject = in.text();
  return d;
}

}  // namespace steward::config
