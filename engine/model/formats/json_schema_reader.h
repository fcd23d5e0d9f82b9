#pragma once

#include <string>
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
class JsonSchemaReader {
 public:
  JsonSchemaReader(const SchemaDocuments& documents, Diagnostics& diagnostics)
      : documents_(documents), diagnostics_(diagnostics) {}

  // Reads `schema`, written in `document`, into `property`, whose name, path and spans are set.
  void read(const config::Node& schema, const config::Document& document, Property& property);

 private:
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
  void read_all_of(const config::MapEntry& entry, const config::Document& document, Property& local,
                   int depth);
  void read_union(const config::MapEntry& entry, const config::Document& document, Property& local,
                  int depth);

  std::optional<double> number(const config::MapEntry& entry);
  std::optional<long long> count(const config::MapEntry& entry);
  std::optional<std::string> text(const config::MapEntry& entry);
  void merge_into(Property& into, const Property& from, const Span& at);
  void unsupported(const Span& span, std::string message, std::string suggestion = {});
  void wrong_type(const config::Node& value, std::string_view keyword, std::string_view expected);

  const SchemaDocuments& documents_;
  Diagnostics& diagnostics_;
  std::vector<const config::Node*> ref_stack_;  // the `$ref` targets being read, against cycles
  size_t schemas_read_ = 0;
  bool budget_reported_ = false;
};

// The JSON Schema keywords steward maps or knows as annotations, for did-you-mean.
const std::vector<std::string>& json_schema_keywords();

}  // namespace steward::model::formats
