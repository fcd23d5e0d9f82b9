#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "config/node.h"
#include "model/model.h"
#include "source/diagnostic.h"

// Snowplow/Iglu self-describing schemas: the `self` block and SchemaVer.
namespace steward::model::formats {

// SchemaVer MODEL-REVISION-ADDITION: ADDITION for changes every earlier event stays valid
// under, REVISION for changes that may invalidate some, MODEL for a new model.
struct SchemaVer {
  long long model = 0;
  long long revision = 0;
  long long addition = 0;

  auto operator<=>(const SchemaVer&) const = default;
  std::string text() const;
};

// "1-0-2"; nullopt unless three whole numbers, MODEL from 1, without leading zeros.
std::optional<SchemaVer> parse_schemaver(std::string_view text);

// The `self` block of a self-describing schema.
struct IgluSelf {
  Ref vendor;
  Ref name;
  Ref format;
  Ref version;
  SchemaVer schemaver;

  // "iglu:com.acme/checkout_started/jsonschema/1-0-0": how events name the schema they follow.
  std::string uri() const;
  // "com.acme/checkout_started/jsonschema": shared by every version.
  std::string key() const;
};

// Whether a document without `kind:` is a self-describing schema (it has a `self` mapping).
bool is_self_describing(const config::Node& root);

// Reads and checks `self`: the four fields, a valid SchemaVer, `format: jsonschema`, and that an
// Iglu repository's path (schemas/VENDOR/NAME/jsonschema/VERSION) agrees with it.
std::optional<IgluSelf> read_iglu_self(const config::Node& self, const std::string& path,
                                       Diagnostics& diagnostics);

}  // namespace steward::model::formats
