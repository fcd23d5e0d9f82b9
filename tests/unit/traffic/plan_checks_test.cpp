// The compiled plan behind `steward validate`: the name index, one block of nodes per event with
// the children of an object contiguous, bounds in the order they are reported, patterns and enums
// shared between events, and a look-ahead that keeps every reason on its own line.
#include "traffic/name_index.h"
#include "traffic_helpers.h"

namespace steward::traffic {

using namespace testing;

namespace {

const char* const kTwinPlan = R"(kind: event
name: first
properties:
  sku: {type: string, pattern: '^[A-Z]{3}$', pii: none}
  size: {type: string, enum: [s, m, l], pii: none}
  count: {type: integer, minimum: 1, maximum: 9, exclusive_maximum: 10, pii: none}
  box:
    type: object
    pii: none
    properties:
      width: {type: number, required: true, pii: none}
      depth: {type: number, pii: none}
---
kind: event
name: second
properties:
  code: {type: string, pattern: '^[A-Z]{3}$', pii: none}
  size: {type: string, enum: [s, m, l], pii: none}
)";

}  // namespace

TEST_SUITE("traffic: compiled plan") {
  TEST_CASE("the name index finds every name it holds and no other, across growth") {
    NameIndex index;
    CHECK(index.find("anything") == NameIndex::kAbsent);
    std::vector<std::string> names;
    for (int i = 0; i < 1000; ++i)
      names.push_back("event_" + std::to_string(i));
    for (size_t i = 0; i < names.size(); ++i)
      index.add(names[i], static_cast<uint32_t>(i));
    names.clear();  // the index keeps its own copy of each key
    CHECK(index.size() == 1000);
    for (uint32_t i = 0; i < 1000; ++i)
      CHECK(index.find("event_" + std::to_string(i)) == i);
    CHECK(index.find("event_1000") == NameIndex::kAbsent);
    CHECK(index.find("") == NameIndex::kAbsent);
    index.add("event_7", 99);  // the first of two equal names stays
    CHECK(index.find("event_7") == 7);
    // Keys that differ only past the first eight bytes, or by length.
    NameIndex close;
    close.add("properties_a", 1);
    close.add("properties_b", 2);
    close.add("properties", 3);
    CHECK(close.find("properties_a") == 1);
    CHECK(close.find("properties_b") == 2);
    CHECK(close.find("properties") == 3);
    CHECK(close.find("properties_c") == NameIndex::kAbsent);
  }

  TEST_CASE("one event's nodes: children contiguous, keys found, bounds in report order") {
    auto built = build_plan(kTwinPlan);
    PlanChecks plan(built.model);
    const EventCheck* first = plan.find("first");
    REQUIRE(first != nullptr);
    const PropertyCheck& root = first->nodes[0];
    CHECK(root.child_count == 4);
    auto child = [&](const PropertyCheck& object, std::string_view key) {
      return first->child(object, key, NameIndex::hash_of(key));
    };
    CHECK(child(root, "nope") == kNoNode);
    uint32_t count = child(root, "count");
    REQUIRE(count != kNoNode);
    CHECK(first->name_of(first->nodes[count]) == "count");
    CHECK(first->property_of(first->nodes[count]).name == "count");
    std::vector<BoundKind> kinds;
    for (const Bound& bound : first->bounds_of(first->nodes[count]))
      kinds.push_back(bound.kind);
    CHECK(kinds == std::vector<BoundKind>{BoundKind::minimum, BoundKind::maximum,
                                          BoundKind::exclusive_maximum});
    uint32_t box = child(root, "box");
    REQUIRE(box != kNoNode);
    const PropertyCheck& object = first->nodes[box];
    CHECK(object.child_count == 2);
    CHECK(object.has_required_child);
    CHECK(first->name_of(first->nodes[object.first_child]) == "width");
    CHECK(first->name_of(first->nodes[object.first_child + 1]) == "depth");
    // Everything the walk reads is inside the event's block.
    const char* begin = first->block.data();
    const char* end = begin + first->block.size();
    auto inside = [&](const void* p) {
      return static_cast<const char*>(p) >= begin && static_cast<const char*>(p) < end;
    };
    CHECK(inside(first->nodes.data()));
    CHECK(inside(first->name_hashes.data()));
    CHECK(inside(first->bounds.data()));
    CHECK(inside(first->names.data()));
  }

  TEST_CASE("equal patterns share one compiled RE2, equal enums one set") {
    auto built = build_plan(kTwinPlan);
    PlanChecks plan(built.model);
    const EventCheck* first = plan.find("first");
    const EventCheck* second = plan.find("second");
    REQUIRE(first);
    REQUIRE(second);
    auto node = [](const EventCheck* e, std::string_view key) -> const PropertyCheck& {
      return e->nodes[e->child(e->nodes[0], key, NameIndex::hash_of(key))];
    };
    CHECK(node(first, "sku").pattern != nullptr);
    CHECK(node(first, "sku").pattern == node(second, "code").pattern);
    CHECK(node(first, "size").enums != nullptr);
    CHECK(node(first, "size").enums == node(second, "size").enums);
  }

  TEST_CASE("the look-ahead keeps each line's reasons on that line, whatever the next line is") {
    auto built = build_plan(kTwinPlan);
    TempDir dir;
    std::string text = R"({"event":"first","properties":{"sku":"abc","box":{}}})"
                       "\n"
                       "not json\n"
                       R"({"event":"second","properties":{"size":"xl"}})"
                       "\n"
                       R"({"event":"first","properties":{"count":10}})"
                       "\n"
                       R"({"type":"identify","userId":"u1"})"
                       "\n"
                       R"({"event":"ghost"})"
                       "\n";
    auto s = validate(built.model, {dir.write("s.jsonl", text)});
    REQUIRE(s.listed.size() == 5);
    std::vector<std::string> lines;
    for (const auto& e : s.listed) {
      std::string line = std::to_string(e.line) + ":";
      for (const auto& r : e.reasons)
        line.append(" ").append(to_string(r.kind)).append("@").append(r.path);
      lines.push_back(line);
    }
    CHECK(lines == std::vector<std::string>{
                       "1: pattern@$.properties.sku missing-required@$.properties.box.width",
                       "2: not-json@$",
                       "3: enum@$.properties.size",
                       "4: bounds@$.properties.count bounds@$.properties.count",
                       "6: unknown-event@$.event",
                   });
    CHECK(s.lines == 6);
    CHECK(s.checked == 4);
  }
}

}  // namespace steward::traffic
