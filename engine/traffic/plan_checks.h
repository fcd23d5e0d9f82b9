#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/model.h"

namespace re2 {
class RE2;
}

// The tracking plan compiled for checking events fast: type masks, enum sets, compiled patterns
// and name indexes, built once per run from the model and then only read (by every thread).
namespace steward::traffic {

// JSON types as bits, so a union type is one mask test.
enum TypeBit : unsigned {
  kString = 1,
  kNumber = 2,
  kInteger = 4,
  kBoolean = 8,
  kObject = 16,
  kArray = 32,
  kNull = 64,
};

enum class Format { none, email, uuid, date_time, date, uri, ipv4, ipv6 };

struct PropertyCheck {
  const model::Property* property = nullptr;
  bool required = false;  // also when only its `$ref` definition says so
  unsigned types = 0;     // 0: any type
  bool has_enum = false;
  std::vector<std::string> enum_strings;
  std::vector<double> enum_numbers;
  bool enum_true = false, enum_false = false, enum_null = false;
  std::shared_ptr<const re2::RE2> pattern;  // null: none, or a pattern RE2 cannot compile
  Format format = Format::none;
  std::vector<std::string> consent;  // purposes, lower case
  std::vector<PropertyCheck> properties;
  std::unordered_map<std::string_view, size_t> by_name;
  std::vector<PropertyCheck> items;  // none or one
  bool additional_properties = true;
};

struct EventCheck {
  const model::Event* event = nullptr;
  PropertyCheck root;  // the event's properties as one object
};

class PlanChecks {
 public:
  explicit PlanChecks(const model::Model& model);

  // By event name, or for Snowplow by the Iglu schema key "vendor/name/format".
  const EventCheck* find(std::string_view name) const;
  const EventCheck* find_iglu(std::string_view vendor_name_format) const;
  const model::Model& model() const { return *model_; }
  const std::vector<EventCheck>& events() const { return events_; }

 private:
  const model::Model* model_;
  std::vector<EventCheck> events_;
  std::unordered_map<std::string_view, size_t> by_name_;
  std::unordered_map<std::string_view, size_t> by_iglu_;
};

// Whether the property is required: as written, or by its `$ref` definition (the property
// library's `required` applies to every event that uses it, docs/model.md).
bool is_required(const model::Model& model, const model::Property& property);

// Whether `text` is valid for `format`.
bool matches_format(Format format, std::string_view text);
std::string_view to_string(Format format);

}  // namespace steward::traffic
