#include "diff/schema_compatibility.h"

#include <algorithm>
#include <sstream>

#include "diff/implied_lengths.h"

namespace steward::diff {

namespace {

using model::Constraints;
using model::Property;

bool contains(const std::vector<std::string>& items, const std::string& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

bool accepts(const std::vector<std::string>& types, const std::string& type) {
  return types.empty() || contains(types, type) || (type == "integer" && contains(types, "number"));
}

// The types `old` accepts: its `type`, else the types of its enum or const values where they are
// known (an enum of strings accepts strings only), else any (empty).
std::vector<std::string> effective_types(const Property& old) {
  const Constraints& c = *old.constraints;
  if (!old.types.empty()) return old.types.to_vector();
  if ((!c.enum_values.empty() || c.const_value) && !c.value_types.empty()) return c.value_types;
  return {};
}

// Whether values of JSON type `type` are valid under `old` (so constraints on them matter).
bool may_be(const Property& old, const std::string& type) {
  auto types = effective_types(old);
  if (types.empty()) return true;
  if (type == "number") return contains(types, "number") || contains(types, "integer");
  return accepts(types, type);
}

std::string number_text(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

std::string list_text(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items)
    out += (out.empty() ? "" : ", ") + item;
  return out.empty() ? "any" : out;
}

// A bound of a number: its value and whether the value itself is excluded.
struct Bound {
  double value = 0;
  bool exclusive = false;
};

// The tighter of an inclusive and an exclusive bound on one side (`lower` for minimum).
std::optional<Bound> bound(const std::optional<double>& inclusive,
                           const std::optional<double>& exclusive, bool lower) {
  if (!inclusive && !exclusive) return std::nullopt;
  if (!exclusive) return Bound{*inclusive, false};
  if (!inclusive) return Bound{*exclusive, true};
  bool exclusive_tighter = lower ? *exclusive >= *inclusive : *exclusive <= *inclusive;
  return exclusive_tighter ? Bound{*exclusive, true} : Bound{*inclusive, false};
}

std::string bound_text(const std::optional<Bound>& b, bool lower) {
  if (!b) return "none";
  return std::string(lower ? (b->exclusive ? "> " : ">= ") : (b->exclusive ? "< " : "<= ")) +
         number_text(b->value);
}

// Whether every number within `old` is within `next` on one side.
bool bound_holds(const std::optional<Bound>& old, const std::optional<Bound>& next, bool lower) {
  if (!next) return true;
  if (!old) return false;
  if (old->value != next->value) return lower ? next->value < old->value : next->value > old->value;
  return !next->exclusive || old->exclusive;
}

class Judge {
 public:
  Judge(std::vector<std::string>& reasons, std::vector<std::string>& notes)
      : reasons_(reasons), notes_(notes) {}

  bool run(const Property& old, const Property& next, const std::string& where) {
    size_t before = reasons_.size();
    compare(old, next, where);
    return reasons_.size() == before;
  }

 private:
  void reason(const std::string& where, const std::string& text) {
    reasons_.push_back(where.empty() ? text : where + ": " + text);
  }

  void compare(const Property& old, const Property& next, const std::string& where) {
    compare_types(old, next, where);
    compare_values(old, next, where);
    if (may_be(old, "string")) compare_strings(old, next, where);
    if (may_be(old, "number")) compare_numbers(*old.constraints, *next.constraints, where);
    if (may_be(old, "array")) compare_arrays(old, next, where);
    if (may_be(old, "object")) compare_objects(old, next, where);
  }

  void compare_types(const Property& old, const Property& next, const std::string& where) {
    if (next.types.empty()) return;
    const std::vector<std::string> next_types = next.types.to_vector();
    auto old_types = effective_types(old);
    if (old_types.empty()) {
      reason(where, "type narrowed from any to " + list_text(next_types));
      return;
    }
    for (const auto& type : old_types) {
      if (!accepts(next_types, type)) {
        reason(where, "type " + list_text(old_types) + " changed to " + list_text(next_types) +
                          ": " + type + " values are no longer accepted");
      }
    }
  }

  // enum and const: the values allowed at all.
  void compare_values(const Property& old, const Property& next, const std::string& where) {
    const Constraints& o = *old.constraints;
    const Constraints& n = *next.constraints;
    std::vector<std::string> old_values = o.enum_values;
    if (o.const_value) old_values = {*o.const_value};
    if (!n.enum_values.empty()) {
      if (old_values.empty()) {
        reason(where, "enum added: values outside it are no longer accepted");
      } else {
        for (const auto& value : old_values) {
          if (!contains(n.enum_values, value)) {
            reason(where, "enum value '" + value + "' is no longer accepted");
          }
        }
      }
    }
    if (n.const_value) {
      if (old_values.empty()) {
        reason(where, "const '" + *n.const_value + "' added: other values are no longer accepted");
      } else if (old_values != std::vector<std::string>{*n.const_value}) {
        reason(where, "const changed to '" + *n.const_value + "'");
      }
    }
  }

  void compare_strings(const Property& old, const Property& next, const std::string& where) {
    const Constraints& o = *old.constraints;
    const Constraints& n = *next.constraints;
    if (!n.pattern.empty() && n.pattern != o.pattern) {
      reason(where, o.pattern.empty()
                        ? "pattern '" + n.pattern + "' added"
                        : "pattern changed from '" + o.pattern + "' to '" + n.pattern + "'");
    }
    if (!n.format.empty() && n.format != o.format) {
      reason(where, o.format.empty()
                        ? "format '" + n.format + "' added"
                        : "format changed from '" + o.format + "' to '" + n.format + "'");
    }
    // Bounds the old schema implied (its enum, a uuid, a fixed-length pattern) count as written.
    LengthBounds implied = implied_lengths(old);
    compare_counts("minLength", implied.min, n.min_length, "maxLength", implied.max, n.max_length,
                   where);
  }

  void compare_numbers(const Constraints& o, const Constraints& n, const std::string& where) {
    auto old_low = bound(o.minimum, o.exclusive_minimum, true);
    auto next_low = bound(n.minimum, n.exclusive_minimum, true);
    if (!bound_holds(old_low, next_low, true)) {
      reason(where, "lower bound tightened from " + bound_text(old_low, true) + " to " +
                        bound_text(next_low, true));
    }
    auto old_high = bound(o.maximum, o.exclusive_maximum, false);
    auto next_high = bound(n.maximum, n.exclusive_maximum, false);
    if (!bound_holds(old_high, next_high, false)) {
      reason(where, "upper bound tightened from " + bound_text(old_high, false) + " to " +
                        bound_text(next_high, false));
    }
  }

  // A minimum and a maximum count (of characters or items).
  void compare_counts(const char* min_name, const std::optional<long long>& old_min,
                      const std::optional<long long>& next_min, const char* max_name,
                      const std::optional<long long>& old_max,
                      const std::optional<long long>& next_max, const std::string& where) {
    if (next_min.value_or(0) > old_min.value_or(0)) {
      reason(where, std::string(min_name) + " raised from " + std::to_string(old_min.value_or(0)) +
                        " to " + std::to_string(*next_min));
    }
    if (next_max && (!old_max || *next_max < *old_max)) {
      reason(where, std::string(max_name) + " lowered from " +
                        (old_max ? std::to_string(*old_max) : std::string("none")) + " to " +
                        std::to_string(*next_max));
    }
  }

  void compare_arrays(const Property& old, const Property& next, const std::string& where) {
    compare_counts("minItems", old.constraints->min_items, next.constraints->min_items, "maxItems",
                   old.constraints->max_items, next.constraints->max_items, where);
    if (next.items.empty()) return;
    std::string items = where.empty() ? "[]" : where + "[]";
    if (old.items.empty()) {
      Property any;
      compare(any, next.items.front(), items);
      return;
    }
    compare(old.items.front(), next.items.front(), items);
  }

  void compare_objects(const Property& old, const Property& next, const std::string& where) {
    const Constraints& o = *old.constraints;
    const Constraints& n = *next.constraints;
    compare_counts("minProperties", o.min_properties, n.min_properties, "maxProperties",
                   o.max_properties, n.max_properties, where);
    auto path = [&](const std::string& name) { return where.empty() ? name : where + "." + name; };
    if (o.max_properties == 0) {
      // The old schema accepted only the empty object: what `next` says of keys cannot reject
      // it, only a key it requires. (minProperties is judged above.)
      for (const auto& child : next.properties) {
        if (child.required) reason(path(child.name), "required where no key was allowed before");
      }
      return;
    }
    if (old.additional_properties && !next.additional_properties) {
      reason(where,
             "additionalProperties changed to false: keys it does not list are no longer "
             "accepted");
    }
    for (const auto& child : next.properties) {
      const Property* before = find_property(old.properties, child.name);
      if (before) {
        if (child.required && !before->required) reason(path(child.name), "became required");
        compare(*before, child, path(child.name));
        continue;
      }
      if (child.required) {
        reason(path(child.name), "added as required");
      } else if (old.additional_properties) {
        compare_added(child, path(child.name));
      }
    }
    for (const auto& child : old.properties) {
      if (find_property(next.properties, child.name) || next.additional_properties) continue;
      reason(path(child.name),
             "removed while additionalProperties is false: events that carry "
             "it are no longer accepted");
    }
  }

  // An optional property added where additional properties were allowed: earlier events may
  // carry the key with any value. SchemaVer as Iglu users practise it counts this as an
  // ADDITION, so it is a note, not a reason.
  void compare_added(const Property& child, const std::string& where) {
    Property any;
    size_t before_count = reasons_.size(), notes_count = notes_.size();
    compare(any, child, where);
    if (reasons_.size() == before_count) return;
    reasons_.resize(before_count);
    notes_.resize(notes_count);
    notes_.push_back(where +
                     ": optional property added with constraints while additional properties "
                     "were allowed: an earlier event that carried it with another value would "
                     "be rejected");
  }

  static const Property* find_property(const std::vector<Property>& in, const std::string& name) {
    for (const auto& p : in) {
      if (p.name == name) return &p;
    }
    return nullptr;
  }

  std::vector<std::string>& reasons_;
  std::vector<std::string>& notes_;
};

}  // namespace

bool backward_compatible(const model::Property& old, const model::Property& next,
                         std::vector<std::string>& reasons) {
  std::vector<std::string> notes;
  return Judge(reasons, notes).run(old, next, next.path.empty() ? next.name : next.path);
}

Compatibility judge_compatibility(const model::Property& old, const model::Property& next) {
  Compatibility out;
  Judge(out.breaks, out.notes).run(old, next, next.path.empty() ? next.name : next.path);
  return out;
}

model::Property event_schema(const model::Event& event) {
  Property schema;
  schema.types = {"object"};
  schema.properties = event.properties;
  schema.additional_properties = event.additional_properties;
  return schema;
}

}  // namespace steward::diff
