// The JSON Schema reader's `$ref` and combinators: allOf merges, anyOf/oneOf unite.
#include <algorithm>

#include "model/formats/json_schema_reader.h"
#include "model/formats/schema_merge.h"
#include "model/yaml_field_reader.h"
#include "source/diagnostic_factory.h"
#include "source/rule_ids.h"
#include "source/spelling.h"

namespace steward::model::formats {

namespace {

// A kept `$ref` target's properties, moved under `path` (array items take the array's path).
void rebase_paths(Property& schema, const std::string& path) {
  schema.path = path;
  for (auto& child : schema.properties)
    rebase_paths(child, path.empty() ? child.name : path + "." + child.name);
  for (auto& item : schema.items)
    rebase_paths(item, path);
}

}  // namespace

void JsonSchemaReader::follow_ref(const config::MapEntry& entry, const config::Document& document,
                                  Property& local, int depth) {
  if (!entry.value.is_scalar()) {
    wrong_type(entry.value, "$ref", "a reference");
    return;
  }
  const std::string_view ref = entry.value.text;
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
    report(diagnostics_, rule_id::kReferenceUnknownSchema, entry.value.span,
           "`$ref: " + std::string(ref) + "` does not resolve: " + resolved.error,
           "refer to a definition of this file (#/definitions/name, #/$defs/name) or to a JSON "
           "Schema file of the repository by its relative path",
           guess ? "did you mean '" + *guess + "'?" : "");
    return;
  }
  const config::Node* target = resolved.target.node;
  auto on_stack = std::find(ref_stack_.begin(), ref_stack_.end(), target);
  if (on_stack != ref_stack_.end()) {
    context_.lowest_cycle =
        std::min(context_.lowest_cycle, static_cast<size_t>(on_stack - ref_stack_.begin()));
    if (!cycles_reported_.insert(&entry.value).second) return;  // once per `$ref`, not per path
    diagnostics_.push_back(make_diagnostic(
        rule_id::kSchemaRefCycle, Severity::warning, entry.value.span,
        "`$ref: " + std::string(ref) +
            "` refers back to a schema it is part of; steward reads the nested occurrence as any "
            "value, so what it holds there is not checked",
        "a cycle of `$ref`s describes unbounded nesting, which steward's model has no place for",
        "end the recursion at a fixed depth, or declare the nested value's own schema"));
    return;
  }
  documents_reached_.insert(resolved.target.document);
  ReadTarget fresh;
  const ReadTarget* read = reusable(*target, depth + 1);
  if (read) {
    if (!spend(read->size, entry.value.span)) return;
    // What shaped it shapes the read it is reused in.
    context_.deepest = std::max(context_.deepest, depth + 1 + read->reach);
    context_.depth_cut = context_.depth_cut || read->depth_cut;
  } else {
    ref_stack_.push_back(target);
    ref_spans_.push_back(entry.value.span);
    fresh = read_target(*target, *resolved.target.document, entry.key.span, depth + 1);
    ref_stack_.pop_back();
    ref_spans_.pop_back();
    read = &fresh;
  }
  Property schema = *read->schema;
  rebase_paths(schema, local.path);
  merge_into(local, std::move(schema), entry.key.span);
}

const JsonSchemaReader::ReadTarget* JsonSchemaReader::reusable(const config::Node& target,
                                                               int depth) const {
  auto it = targets_.find(&target);
  if (it == targets_.end()) return nullptr;
  const ReadTarget& read = it->second;
  // Read at this depth, or deep enough to be read whole here too: the same result as a new read.
  bool same = read.depth == depth || (!read.depth_cut && depth + read.reach <= kMaxDepth);
  return same ? &read : nullptr;
}

JsonSchemaReader::ReadTarget JsonSchemaReader::read_target(const config::Node& target,
                                                           const config::Document& document,
                                                           const Span& at, int depth) {
  ReadContext outer = context_;
  context_ = ReadContext();
  context_.deepest = depth;
  size_t before = expanded_;
  Property schema;
  schema.span = schema.type_span = schema.pii_span = at;
  apply(target, document, schema, at, depth);
  ReadTarget read;
  read.size = expanded_ - before;
  read.depth = depth;
  read.reach = context_.deepest - depth;
  read.depth_cut = context_.depth_cut;
  read.schema = std::make_shared<const Property>(std::move(schema));
  // Kept only when nothing outside it shaped it: a cycle cut at an enclosing `$ref`, or the
  // event's expansion budget running out.
  bool keep = context_.lowest_cycle >= ref_stack_.size() - 1 && !context_.budget_cut;
  if (keep) targets_[&target] = read;
  outer.lowest_cycle = std::min(outer.lowest_cycle, context_.lowest_cycle);
  outer.deepest = std::max(outer.deepest, context_.deepest);
  outer.depth_cut = outer.depth_cut || context_.depth_cut;
  outer.budget_cut = outer.budget_cut || context_.budget_cut;
  context_ = outer;
  return read;
}

bool JsonSchemaReader::spend(size_t schemas, const Span& at) {
  if (expanded_ + schemas <= kMaxExpandedSchemas) {
    expanded_ += schemas;
    return true;
  }
  context_.budget_cut = true;
  if (!budget_reported_) {
    budget_reported_ = true;
    report(diagnostics_, rule_id::kSchemaExpansionLimit, at,
           "this event's schema expands to more than " + std::to_string(kMaxExpandedSchemas) +
               " schemas through `$ref`; steward reads no further `$ref` of it, so the rest is "
               "not checked",
           "definitions that refer to the next one more than once double the schema at every "
           "level; the limit is documented in docs/formats.md",
           "refer to each definition once per level, or split the event");
  }
  return false;
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
  const std::string_view keyword = entry.key.text;
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
                "`" + std::string(keyword) +
                    "` of several schemas with their own constraints has no place in steward's "
                    "model; the property is read without them",
                "steward maps unions of types (`anyOf: [{type: string}, {type: \"null\"}]`) and "
                "one constrained schema with other types");
    return;
  }
  Property united = constrained.empty() ? blank_like(local) : branches[constrained.front()];
  Constraints& c = united.constraints.edit();
  for (size_t i = 0; i < branches.size(); ++i) {
    if (!constrained.empty() && i == constrained.front()) continue;
    const Property& other = branches[i];
    if (united.types.empty() && constrained.empty()) united.type_span = other.type_span;
    // A constrained branch without `type` accepts every type already.
    if (constrained.empty() || !united.types.empty()) {
      for (const auto& t : other.types) {
        if (std::ranges::find(united.types, t) == united.types.end()) united.types.push_back(t);
      }
    }
    if (c.enum_values.empty() && !c.const_value) continue;
    if (other.types != std::vector<std::string>{"null"}) {
      unsupported(entry.key.span, "`" + std::string(keyword) +
                                      "` of an enum or const with other types cannot be "
                                      "mapped; the property is read without the enum");
      c.enum_values.clear();
      c.value_types.clear();
      c.const_value.reset();
      continue;
    }
    // A nullable enum: null is one more allowed value.
    if (c.const_value) {
      c.enum_values.push_back(*c.const_value);
      c.const_value.reset();
    }
    if (std::ranges::find(c.enum_values, "null") == c.enum_values.end())
      c.enum_values.push_back("null");
    if (std::ranges::find(c.value_types, "null") == c.value_types.end())
      c.value_types.push_back("null");
  }
  merge_into(local, std::move(united), entry.key.span);
}

}  // namespace steward::model::formats
