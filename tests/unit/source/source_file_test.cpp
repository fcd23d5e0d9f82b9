#include "source/source_file.h"

#include <doctest/doctest.h>

#include "source/span.h"

using steward::make_source;
using steward::SourceFile;
using steward::Span;

TEST_SUITE("source_file") {
  TEST_CASE("lines are 1-based and come without their terminator") {
    SourceFile file("a.yaml", "kind: event\nname: x\n");
    CHECK(file.path() == "a.yaml");
    CHECK(file.revision().empty());
    CHECK(file.line_count() == 2);
    CHECK(file.line(1) == "kind: event");
    CHECK(file.line(2) == "name: x");
  }

  TEST_CASE("CRLF line ends: the carriage return is not part of the line") {
    SourceFile file("a.yaml", "kind: event\r\nname: x\r\n\r\nowner: t\r\n");
    CHECK(file.line_count() == 4);
    CHECK(file.line(1) == "kind: event");
    CHECK(file.line(2) == "name: x");
    CHECK(file.line(3) == "");
    CHECK(file.line(4) == "owner: t");
  }

  TEST_CASE("the last line may have no newline") {
    SourceFile file("a.yaml", "a: 1\nb: 2");
    CHECK(file.line_count() == 2);
    CHECK(file.line(2) == "b: 2");
    SourceFile crlf("a.yaml", "a: 1\r\nb: 2");
    CHECK(crlf.line(1) == "a: 1");
    CHECK(crlf.line(2) == "b: 2");
  }

  TEST_CASE("empty lines in the middle and at the end are lines") {
    SourceFile file("a.yaml", "a\n\nb\n\n");
    CHECK(file.line_count() == 4);
    CHECK(file.line(2) == "");
    CHECK(file.line(3) == "b");
    CHECK(file.line(4) == "");
  }

  TEST_CASE("out of range lines are empty") {
    SourceFile file("a.yaml", "a: 1\nb: 2\n");
    CHECK(file.line(0).empty());
    CHECK(file.line(3).empty());
    CHECK(file.line(1000000).empty());
    SourceFile empty("e.yaml", "");
    CHECK(empty.line_count() == 1);
    CHECK(empty.line(1).empty());
    CHECK(empty.line(2).empty());
  }

  TEST_CASE("make_source keeps path, text and revision; spans name their file") {
    auto source = make_source("dir/b.json", "{}\n", "head");
    CHECK(source->path() == "dir/b.json");
    CHECK(source->text() == "{}\n");
    CHECK(source->revision() == "head");
    Span span{source, 1, 1, 1, 2};
    CHECK(span.valid());
    CHECK(span.file() == "dir/b.json");
    Span nowhere;
    CHECK_FALSE(nowhere.valid());
    CHECK(nowhere.file().empty());
    CHECK_FALSE(Span{source, 0, 0, 0, 0}.valid());
  }
}

TEST_SUITE("source_ref") {
  TEST_CASE("a SourceRef is one pointer, so a Span is 24 bytes") {
    static_assert(sizeof(steward::SourceRef) == sizeof(void*));
    static_assert(sizeof(Span) == 24);
    CHECK(sizeof(Span) == 24);
  }

  TEST_CASE("the file lives while any reference to it does") {
    steward::SourceRef first = make_source("a.yaml", "x: 1\n", "head");
    const SourceFile* file = first.get();
    steward::SourceRef second = first;
    CHECK(second == first);
    first = nullptr;
    CHECK(first == nullptr);
    CHECK_FALSE(first);
    CHECK(second.get() == file);
    CHECK(second->path() == "a.yaml");
    CHECK(second->revision() == "head");
    steward::SourceRef moved = std::move(second);
    CHECK(moved.get() == file);
    CHECK((*moved).line(1) == "x: 1");
    Span span{moved, 1, 1, 1, 4};
    moved = {};
    CHECK(span.valid());
    CHECK(span.file() == "a.yaml");
    Span copy = span;
    span = Span{};
    CHECK(copy.source->text() == "x: 1\n");
  }

  TEST_CASE("self-assignment and swapping keep the count right") {
    steward::SourceRef a = make_source("a.yaml", "a\n");
    steward::SourceRef b = make_source("b.yaml", "b\n");
    const steward::SourceRef& same = a;
    a = same;
    CHECK(a->path() == "a.yaml");
    a.swap(b);
    CHECK(a->path() == "b.yaml");
    CHECK(b->path() == "a.yaml");
    CHECK_FALSE(a == b);
  }

  TEST_CASE("no file: null, and a span without a place") {
    steward::SourceRef none;
    CHECK(none == nullptr);
    CHECK(none.get() == nullptr);
    Span span;
    CHECK_FALSE(span.valid());
    CHECK(span.file().empty());
  }
}
