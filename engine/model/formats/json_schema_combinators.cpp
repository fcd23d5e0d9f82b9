// The JSON Schema reader's `$ref` and combinators: allOf merges, anyOf/oneOf unite.
#include <algorithm>

#include "model/formats/json_schema_reader.h"
#include "model/formats/schema_merge.h"
#include "model/mapping_reader.h"
#include "source/spelling.h"

namespace steward::model::formats {

namespace {

bool listed(const std::vector<std::string>& list, const std::string& key) {
  return std::find(list.begin(), list.end(), key) != list.end();
}

}  // namespace

void JsonSchemaReader::follow_ref(const config::MapEntry& entry, const config::Document& document,
                                  Property& local, int depth) {
  if (!entry.value.is_scalar()) {
    wrong_type(entry.value, "$ref", "a reference");
    return;
  }
  const std::string& ref = entry.value.text;
  RefResolution resolved = documents_.resolve(document, ref);
  if (resolved.remote) {
    unsupported(entry.value.span, resolved.error + "; the property is read without it",
                "copy the schema into the repository and refer to it by a relative path");
    return;
  }
  if (!resolved.target.node) {
    auto last =
        ref.substr(ref.find_last_of("/#") == std::string::npos ? 0 : ref.find_last_of("/#") + 1);
    auto guess = closest_match(last, resolved.candidates);
    if (!guess) guess = closest_match(ref, resolved.candidates);
    report(diagnostics_, "reference.unknown-schema", entry.value.span,
           "`$ref: " + ref + "` does not resolve: " + resolved.error,
           "refer to a definition of this file (#/definitions/name, #/$defs/name) or to a JSON "
           "Schema file of the repository by its relative path",
           guess ? "did you mean '" + *guess + "'?" : "");
    return;
  }
  const config::Node* target = resolved.target.node;
  if (std::find(ref_stack_.begin(), ref_stack_.end(), target) != ref_stack_.end()) {
    unsupported(entry.value.span,
                "recursive `$ref: " + ref + "`: the nested occurrence is read as any value");
    return;
  }
  ref_stack_.push_back(target);
  apply(*target, *resolved.target.document, local, entry.key.span, depth + 1);
  ref_stack_.pop_back();
}

void JsonSchemaReader::read_all_of(const config::MapEntry& entry, const config::Document& document,
                                   Property& local, int depth) {
  if (!entry.value.is_sequence()) {
    wrong_type(entry.value, "allOf", "a list of schemas");
    return;
  }
  for (const auto& branch : entry.value.items) {
    apply(branch, document, local, entry.key.span, depth + 1);
  }
}

void JsonSchemaReader::read_union(const config::MapEntry& entry, const config::Document& document,
                                  Property& local, int depth) {
  const std::string& keyword = entry.key.text;
  if (!entry.value.is_sequence()) {
    wrong_type(entry.value, keyword, "a list of schemas");
    return;
  }
  std::vector<Property> branches;
  for (const auto& node : entry.value.items) {
    Property branch = blank_like(local);
    apply(node, document, branch, entry.key.span, depth + 1);
    branches.push_back(std::move(branch));
  }
  std::vector<size_t> constrained;
  bool any_type = false;
  for (size_t i = 0; i < branches.size(); ++i) {
    if (!is_type_only(branches[i]))
      constrained.push_back(i);
    else if (branches[i].types.empty())
      any_type = true;
  }
  if (any_type || branches.empty()) return;  // one branch accepts anything: so does the union
  if (constrained.size() > 1) {
    unsupported(entry.key.span,
                "`" + keyword +
                    "` of several schemas with their own constraints has no place in steward's "
                    "model; the property is read without them",
                "steward maps unions of types (`anyOf: [{type: string}, {type: \"null\"}]`) and "
                "one constrained schema with other types");
    return;
  }
  Property united = constrained.empty() ? blank_like(local) : branches[constrained.front()];
  Constraints& c = united.constraints;
  for (size_t i = 0; i < branches.size(); ++i) {
    if (!constrained.empty() && i == constrained.front()) continue;
    const Property& other = branches[i];
    if (united.types.empty() && constrained.empty()) united.type_span = other.type_span;
    // A constrained branch without `type` accepts every type already.
    if (constrained.empty() || !united.types.empty()) {
      for (const auto& t : other.types) {
        if (!listed(united.types, t)) united.types.push_back(t);
      }
    }
    if (c.enum_values.empty() && !c.const_value) continue;
    if (other.types != std::vector<std::string>{"null"}) {
      unsupported(entry.key.span, "`" + keyword +
                                      "` of an enum or const with other types cannot be "
                                      "mapped; the property is read without the enum");
      c.enum_values.clear();
      c.const_value.reset();
      continue;
    }
    // A nullable enum: null is one more allowed value.
    if (c.const_value) {
      c.enum_values.push_back(*c.const_value);
      c.const_value.reset();
    }
    if (!listed(c.enum_values, "null")) c.enum_values.push_back("null");
  }
  merge_into(local, united, entry.key.span);
}

}  // namespace steward::model::formats
