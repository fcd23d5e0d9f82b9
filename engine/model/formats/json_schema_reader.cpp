#include "model/formats/json_schema_reader.h"

#include <algorithm>

#include "model/formats/schema_merge.h"
#include "model/pattern.h"
#include "model/yaml_field_reader.h"
#include "source/diagnostic_factory.h"
#include "source/rule_ids.h"
#include "source/spelling.h"

namespace steward::model::formats {

namespace {

const std::vector<std::string> kTypes = {"string", "number", "integer", "boolean",
                                         "object", "array",  "null"};

// Keywords that carry no constraint: read where they mean something (title, description),
// skipped elsewhere.
const std::vector<std::string> kAnnotations = {
    "$schema", "$id",        "id",       "$comment",  "$anchor",     "title", "examples",
    "default", "deprecated", "readOnly", "writeOnly", "definitions", "$defs", "self"};

// JSON Schema validation keywords the model has no place for.
const std::vector<std::string> kUnmapped = {"patternProperties",
                                            "propertyNames",
                                            "dependencies",
                                            "dependentRequired",
                                            "dependentSchemas",
                                            "if",
                                            "then",
                                            "else",
                                            "not",
                                            "multipleOf",
                                            "uniqueItems",
                                            "contains",
                                            "minContains",
                                            "maxContains",
                                            "additionalItems",
                                            "unevaluatedProperties",
                                            "unevaluatedItems",
                                            "contentEncoding",
                                            "contentMediaType",
                                            "contentSchema",
                                            "$recursiveRef",
                                            "$dynamicRef"};

bool listed(const std::vector<std::string>& list, std::string_view key) {
  return std::find(list.begin(), list.end(), key) != list.end();
}

// Records the JSON type of an enum or const value, so that a `type` written next to it later can
// be told from a narrowing one.
void note_value_type(const config::Node& value, Constraints& c) {
  std::string type = "string";
  if (value.is_null())
    type = "null";
  else if (value.quoted)
    type = "string";
  else if (value.as_bool())
    type = "boolean";
  else if (value.as_integer())
    type = "integer";
  else if (value.as_number())
    type = "number";
  if (!listed(c.value_types, type)) c.value_types.push_back(type);
}

}  // namespace

const std::vector<std::string>& json_schema_keywords() {
  static const std::vector<std::string> keywords = [] {
    std::vector<std::string> out = {"type",
                                    "properties",
                                    "required",
                                    "additionalProperties",
                                    "enum",
                                    "const",
                                    "pattern",
                                    "format",
                                    "minimum",
                                    "maximum",
                                    "exclusiveMinimum",
                                    "exclusiveMaximum",
                                    "minLength",
                                    "maxLength",
                                    "items",
                                    "prefixItems",
                                    "minItems",
                                    "maxItems",
                                    "minProperties",
                                    "maxProperties",
                                    "description",
                                    "$ref",
                                    "allOf",
                                    "anyOf",
                                    "oneOf"};
    out.insert(out.end(), kAnnotations.begin(), kAnnotations.end());
    return out;
  }();
  return keywords;
}

void JsonSchemaReader::read(const config::Node& schema, const config::Document& document,
                            Property& property) {
  ref_stack_.clear();
  ref_spans_.clear();
  context_ = ReadContext();
  expanded_ = 0;
  budget_reported_ = false;
  documents_reached_.insert(&document);
  ref_stack_.push_back(&schema);  // a `$ref` back to the event's own schema is a cycle too
  apply(schema, document, property, schema.span, 0);
  ref_stack_.pop_back();
}

void JsonSchemaReader::apply(const config::Node& node, const config::Document& document,
                             Property& into, const Span& at, int depth) {
  if (depth > kMaxDepth) {
    context_.depth_cut = true;
    unsupported(node.span,
                "schemas nested deeper than " + std::to_string(kMaxDepth) + " levels are not read");
    return;
  }
  context_.deepest = std::max(context_.deepest, depth);
  if (!spend(1, ref_spans_.empty() ? node.span : ref_spans_.back())) return;
  if (node.is_scalar() && node.as_bool()) {
    if (!*node.as_bool()) {
      unsupported(node.span, "the schema `false` accepts no value; steward reads it as any value");
    }
    return;
  }
  if (!node.is_mapping()) {
    wrong_type(node, "a schema", "a mapping");
    return;
  }
  Property local = blank_like(into);
  std::vector<Ref> required;
  read_keywords(node, document, local, required, depth);
  for (const auto& entry : node.entries) {
    const std::string_view key = entry.key.text;
    if (key == "$ref")
      follow_ref(entry, document, local, depth);
    else if (key == "allOf")
      read_all_of(entry, document, local, depth);
    else if (key == "anyOf" || key == "oneOf")
      read_union(entry, document, local, depth);
  }
  // `required` names properties of this object, wherever its branches defined them.
  for (const Ref& name : required) {
    auto child = std::find_if(local.properties.begin(), local.properties.end(),
                              [&](const Property& p) { return p.name == name.name; });
    if (child != local.properties.end()) {
      child->required = true;
      continue;
    }
    // Required with no schema: the key must be present, with any value.
    Property present;
    present.name = name.name;
    present.path = local.path.empty() ? name.name : local.path + "." + name.name;
    present.span = present.type_span = present.pii_span = name.span;
    present.required = true;
    local.properties.push_back(std::move(present));
  }
  merge_into(into, std::move(local), at);
}

void JsonSchemaReader::read_keywords(const config::Node& node, const config::Document& document,
                                     Property& local, std::vector<Ref>& required, int depth) {
  std::optional<bool> exclusive_minimum_flag, exclusive_maximum_flag;  // draft-04 form
  Constraints& c = local.constraints.edit();  // the pool drops it again when nothing is set
  for (const auto& entry : node.entries) {
    const std::string_view key = entry.key.text;
    const config::Node& value = entry.value;
    if (key == "type") {
      read_types(value, local);
    } else if (key == "properties") {
      read_properties(value, document, local, depth);
    } else if (key == "required") {
      read_required(entry, local, required);
    } else if (key == "additionalProperties") {
      read_additional(entry, local);
    } else if (key == "enum") {
      read_enum(value, local);
    } else if (key == "const") {
      if (value.is_scalar() || value.is_null()) {
        c.const_value = value.is_null() ? "null" : value.text;
        note_value_type(value, c);
      } else
        unsupported(entry.key.span, "a `const` that is a " + std::string(value.type_name()) +
                                        " is not mapped; only single values are");
    } else if (key == "pattern") {
      if (auto v = text(entry)) {
        check_data_pattern(*v, value.span, "pattern", diagnostics_);
        c.pattern = *v;
      }
    } else if (key == "format") {
      if (auto v = text(entry)) c.format = *v;
    } else if (key == "minimum") {
      c.minimum = number(entry);
    } else if (key == "maximum") {
      c.maximum = number(entry);
    } else if (key == "exclusiveMinimum" || key == "exclusiveMaximum") {
      bool lower = key == "exclusiveMinimum";
      if (auto flag = value.as_bool()) {
        (lower ? exclusive_minimum_flag : exclusive_maximum_flag) = flag;
      } else {
        (lower ? c.exclusive_minimum : c.exclusive_maximum) = number(entry);
      }
    } else if (key == "minLength") {
      c.min_length = count(entry);
    } else if (key == "maxLength") {
      c.max_length = count(entry);
    } else if (key == "minItems") {
      c.min_items = count(entry);
    } else if (key == "maxItems") {
      c.max_items = count(entry);
    } else if (key == "minProperties") {
      c.min_properties = count(entry);
    } else if (key == "maxProperties") {
      c.max_properties = count(entry);
    } else if (key == "items" || key == "prefixItems") {
      read_items(entry, document, local, depth);
    } else if (key == "description") {
      if (auto v = text(entry)) local.description = *v;
    } else if (key.starts_with("x-")) {
      read_extension(entry, local);
    } else if (key == "$ref" || key == "allOf" || key == "anyOf" || key == "oneOf" ||
               listed(kAnnotations, key)) {
      continue;  // combinators are read after the keywords beside them; annotations constrain
                 // nothing
    } else if (key == "nullable") {
      unsupported(entry.key.span, "`nullable` is OpenAPI, not JSON Schema, and is not read",
                  "list \"null\" among the types: `type: [string, \"null\"]`");
    } else if (listed(kUnmapped, key)) {
      unsupported(entry.key.span, "the JSON Schema keyword `" + std::string(key) +
                                      "` has no place in steward's model; what it checks is not "
                                      "seen by the rules");
    } else {
      auto guess = closest_match(key, json_schema_keywords());
      unsupported(entry.key.span,
                  "`" + std::string(key) + "` is not a JSON Schema keyword steward reads",
                  guess ? "did you mean `" + *guess + "`?" : "extension keys start with `x-`");
    }
  }
  // draft-04: `exclusiveMinimum: true` makes `minimum` exclusive.
  if (exclusive_minimum_flag.value_or(false) && c.minimum) {
    c.exclusive_minimum = c.minimum;
    c.minimum.reset();
  }
  if (exclusive_maximum_flag.value_or(false) && c.maximum) {
    c.exclusive_maximum = c.maximum;
    c.maximum.reset();
  }
}

void JsonSchemaReader::read_types(const config::Node& value, Property& local) {
  std::vector<const config::Node*> names;
  if (value.is_scalar()) {
    names.push_back(&value);
  } else if (value.is_sequence()) {
    for (const auto& item : value.items)
      names.push_back(&item);
  } else {
    wrong_type(value, "type", "a type name or a list of them");
    return;
  }
  local.type_span = value.span;
  for (const config::Node* name : names) {
    if (!name->is_scalar() || !listed(kTypes, name->text)) {
      auto guess = name->is_scalar() ? closest_match(name->text, kTypes) : std::nullopt;
      report(diagnostics_, rule_id::kSchemaInvalidValue, name->span,
             "unknown type '" + std::string(name->text) + "'",
             "types are string, number, integer, boolean, object, array, null",
             guess ? "did you mean '" + *guess + "'?" : "");
      continue;
    }
    if (!local.types.contains(name->text)) local.types.push_back(name->text);
  }
}

void JsonSchemaReader::read_enum(const config::Node& value, Property& local) {
  if (!value.is_sequence()) {
    wrong_type(value, "enum", "a list");
    return;
  }
  for (const auto& item : value.items) {
    if (item.is_scalar() || item.is_null()) {
      local.constraints.edit().enum_values.push_back(item.is_null() ? "null"
                                                                    : std::string(item.text));
      note_value_type(item, local.constraints.edit());
    } else {
      unsupported(item.span, "an enum value that is a " + std::string(item.type_name()) +
                                 " is not mapped; only single values are");
    }
  }
}

void JsonSchemaReader::read_properties(const config::Node& value, const config::Document& document,
                                       Property& local, int depth) {
  if (!value.is_mapping()) {
    wrong_type(value, "properties", "a mapping");
    return;
  }
  for (const auto& entry : value.entries) {
    Property child;
    child.name = entry.key.text;
    child.path = local.path.empty() ? child.name : local.path + "." + child.name;
    child.span = child.type_span = child.pii_span = entry.key.span;
    apply(entry.value, document, child, entry.key.span, depth + 1);
    auto same = std::find_if(local.properties.begin(), local.properties.end(),
                             [&](const Property& p) { return p.name == child.name; });
    if (same == local.properties.end())
      local.properties.push_back(std::move(child));
    else
      merge_into(*same, std::move(child), entry.key.span);
  }
}

void JsonSchemaReader::read_items(const config::MapEntry& entry, const config::Document& document,
                                  Property& local, int depth) {
  const config::Node* schema = &entry.value;
  if (schema->is_sequence()) {
    // Tuple validation: each position has its own schema. The model has one item schema.
    if (schema->items.empty()) return;
    unsupported(entry.key.span,
                "tuple `" + std::string(entry.key.text) +
                    "` (a schema per position) is read as the first position's schema for every "
                    "item");
    schema = &schema->items.front();
  }
  // An array's items take the array's name and path, as in the native format.
  Property item = blank_like(local);
  apply(*schema, document, item, entry.key.span, depth + 1);
  if (local.items.empty())
    local.items.push_back(std::move(item));
  else
    merge_into(local.items.front(), std::move(item), entry.key.span);
}

void JsonSchemaReader::read_required(const config::MapEntry& entry, Property& local,
                                     std::vector<Ref>& required) {
  const config::Node& value = entry.value;
  if (auto flag = value.as_bool()) {
    local.required = local.required || *flag;  // draft-03: `required: true` on the property
    return;
  }
  if (!value.is_sequence()) {
    wrong_type(value, "required", "a list of property names");
    return;
  }
  for (const auto& item : value.items) {
    if (auto name = scalar_ref(item, "an item of required", diagnostics_)) {
      required.push_back(std::move(*name));
    }
  }
}

void JsonSchemaReader::read_additional(const config::MapEntry& entry, Property& local) {
  const config::Node& value = entry.value;
  if (auto flag = value.as_bool()) {
    local.additional_properties = *flag;
  } else if (value.is_mapping() && !value.entries.empty()) {
    unsupported(entry.key.span,
                "`additionalProperties` with a schema is read as `true`: the schema of unlisted "
                "keys is not checked");
  } else if (!value.is_mapping()) {
    wrong_type(value, "additionalProperties", "true, false or a schema");
  }
}

void JsonSchemaReader::read_extension(const config::MapEntry& entry, Property& local) {
  const std::string_view key = entry.key.text;
  const config::Node& value = entry.value;
  if (key == "x-pii" || key == "x-steward-pii") {
    if (auto pii = scalar_ref(value, key, diagnostics_)) {
      local.pii = pii->name;
      local.pii_span = pii->span;
    }
  } else if (key == "x-consent" || key == "x-steward-consent") {
    if (value.is_scalar()) {
      local.consent.push_back(Ref{std::string(value.text), value.span});
    } else if (value.is_sequence()) {
      for (const auto& item : value.items) {
        if (auto purpose = scalar_ref(item, "an item of " + std::string(key), diagnostics_)) {
          local.consent.push_back(std::move(*purpose));
        }
      }
    } else {
      wrong_type(value, key, "a purpose or a list of purposes");
    }
  }
  // Other `x-` keys are the team's own annotations.
}

std::optional<double> JsonSchemaReader::number(const config::MapEntry& entry) {
  auto n = entry.value.as_number();
  if (!n) wrong_type(entry.value, entry.key.text, "a number");
  return n;
}

std::optional<long long> JsonSchemaReader::count(const config::MapEntry& entry) {
  auto n = entry.value.as_integer();
  if (!n || *n < 0) {
    wrong_type(entry.value, entry.key.text, "a whole number of at least 0");
    return std::nullopt;
  }
  return n;
}

std::optional<std::string> JsonSchemaReader::text(const config::MapEntry& entry) {
  if (entry.value.is_scalar()) return std::string(entry.value.text);
  wrong_type(entry.value, entry.key.text, "text");
  return std::nullopt;
}

void JsonSchemaReader::merge_into(Property& into, Property from, const Span& at) {
  std::vector<std::string> conflicts;
  merge_schema(into, std::move(from), conflicts);
  for (const auto& keyword : conflicts) {
    unsupported(at, "the schemas combined here disagree on `" + keyword +
                        "`, which steward cannot represent; the first one is kept");
  }
}

void JsonSchemaReader::unsupported(const Span& span, std::string message, std::string suggestion) {
  diagnostics_.push_back(make_diagnostic(
      rule_id::kSchemaUnsupportedKeyword, Severity::warning, span, std::move(message),
      "steward's rules see the schema without this; see docs/formats.md for what is mapped",
      std::move(suggestion)));
}

void JsonSchemaReader::wrong_type(const config::Node& value, std::string_view keyword,
                                  std::string_view expected) {
  report(diagnostics_, rule_id::kSchemaWrongType, value.span,
         std::string(keyword) + " must be " + std::string(expected) + ", not a " +
             std::string(value.type_name()));
}

}  // namespace steward::model::formats
