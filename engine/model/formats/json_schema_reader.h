#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "config/node.h"
#include "model/formats/schema_documents.h"
#include "model/model.h"
#include "source/diagnostic.h"

namespace steward::model::formats {

// Reads JSON Schema (draft-04 to 2020-12) into the model's Property: types and unions,
// constraints, nested `properties` with their `required` list, `additionalProperties`, `items`,
// `$ref` within a file and to sibling files, and allOf/anyOf/oneOf where they merge object schemas
// or express a union or a nullable type. PII and consent come from the extension keywords `x-pii`
// (or `x-steward-pii`) and `x-consent` (or `x-steward-consent`). A keyword that cannot be mapped is
// reported (schema.unsupported-keyword, a warning at the keyword), never dropped silently.
//
// Each `$ref` target is read once and kept (shared) for every later `$ref` to it, so definitions
// that refer to each other twice per level cost one read per definition, not one per path. What
// one event expands to is bounded (kMaxExpandedSchemas): past it, `$ref`s are not followed and the
// event gets one schema.expansion-limit error at the `$ref` where it ran out.
class JsonSchemaReader {
 public:
  JsonSchemaReader(const SchemaDocuments& documents, Diagnostics& diagnostics)
      : documents_(documents), diagnostics_(diagnostics) {}

  // Reads `schema`, written in `document`, into `property`, whose name, path and spans are set.
  void read(const config::Node& schema, const config::Document& document, Property& property);

  // Whether any read() so far read from `document` (the event's own, or through a `$ref`).
  bool reached(const config::Document& document) const {
    return documents_reached_.count(&document) != 0;
  }

  // The schemas one event may expand to through `$ref` (docs/formats.md).
  static constexpr size_t kMaxExpandedSchemas = 5'000;
  // Schema nesting, `$ref` hops included.
  static constexpr int kMaxDepth = 64;

 private:
  // A `$ref` target as read once: its schema (name and path blank, children's paths relative to
  // it), how many schemas it expands to, and the depth it was read at and reached, so that it is
  // reused only where a new read would give the same result.
  struct ReadTarget {
    std::shared_ptr<const Property> schema;
    size_t size = 0;
    int depth = 0;
    int reach = 0;  // the deepest level its read went below `depth`
    bool depth_cut = false;
  };
  // What made a read depend on where it happened: a cycle cut at a `$ref` outside it, the depth
  // limit, the expansion limit.
  struct ReadContext {
    size_t lowest_cycle = SIZE_MAX;  // the lowest ref_stack_ index a cycle was cut at
    int deepest = 0;
    bool depth_cut = false;
    bool budget_cut = false;
  };

  void apply(const config::Node& node, const config::Document& document, Property& into,
             const Span& at, int depth);
  void read_keywords(const config::Node& node, const config::Document& document, Property& local,
                     std::vector<Ref>& required, int depth);
  void read_types(const config::Node& value, Property& local);
  void read_enum(const config::Node& value, Property& local);
  void read_properties(const config::Node& value, const config::Document& document, Property& local,
                       int depth);
  void read_items(const config::MapEntry& entry, const config::Document& document, Property& local,
                  int depth);
  void read_required(const config::MapEntry& entry, Property& local, std::vector<Ref>& required);
  void read_additional(const config::MapEntry& entry, Property& local);
  void read_extension(const config::MapEntry& entry, Property& local);
  void follow_ref(const config::MapEntry& entry, const config::Document& document, Property& local,
                  int depth);
  const ReadTarget* reusable(const config::Node& target, int depth) const;
  ReadTarget read_target(const config::Node& target, const config::Document& document,
                         const Span& at, int depth);
  bool spend(size_t schemas, const Span& at);
  void read_all_of(const config::MapEntry& entry, const config::Document& document, Property& local,
                   int depth);
  void read_union(const config::MapEntry& entry, const config::Document& document, Property& local,
                  int depth);

  std::optional<double> number(const config::MapEntry& entry);
  std::optional<long long> count(const config::MapEntry& entry);
  std::optional<std::string> text(const config::MapEntry& entry);
  void merge_into(Property& into, Property from, const Span& at);
  void unsupported(const Span& span, std::string message, std::string suggestion = {});
  void wrong_type(const config::Node& value, std::string_view keyword, std::string_view expected);

  const SchemaDocuments& documents_;
  Diagnostics& diagnostics_;
  std::vector<const config::Node*> ref_stack_;  // the `$ref` targets being read, against cycles
  std::vector<Span> ref_spans_;                 // the `$ref` values that led to them
  std::unordered_map<const config::Node*, ReadTarget> targets_;
  std::unordered_set<const config::Document*> documents_reached_;
  std::unordered_set<const config::Node*> cycles_reported_;  // `$ref` values found closing a cycle
  ReadContext context_;
  size_t expanded_ = 0;  // schemas the current event expands to so far
  bool budget_reported_ = false;
};

// The JSON Schema keywords steward maps or knows as annotations, for did-you-mean.
const std::vector<std::string>& json_schema_keywords();

}  // namespace steward::model::formats
