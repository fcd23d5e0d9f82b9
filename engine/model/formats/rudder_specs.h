#pragma once

#include "config/node.h"
#include "model/formats/rudder_project.h"
#include "model/yaml_field_reader.h"
#include "source/diagnostic.h"

// The readers of each rudder-cli kind's `spec:` (internal to the rudder-cli reader).
namespace steward::model::formats {

// rudder/0.1 and rudder/v0.1 spell config keys in camelCase and refer by `$ref`; rudder/v1 uses
// snake_case and `property:`.
enum class RudderSpec { v0_1, v1 };

void read_properties_spec(const config::Node& spec, RudderSpec version, RudderProject& project,
                          Diagnostics& diagnostics);
void read_events_spec(const config::Node& spec, RudderSpec version, RudderProject& project,
                      Diagnostics& diagnostics);
void read_categories_spec(const config::Node& spec, RudderProject& project,
                          Diagnostics& diagnostics);
void read_custom_types_spec(const config::Node& spec, RudderSpec version, RudderProject& project,
                            Diagnostics& diagnostics);
// `tp` (rudder/v0.1 shape) when `legacy`, else `tracking-plan` (rudder/v1 shape).
void read_tracking_plan_spec(const config::Node& spec, bool legacy, RudderProject& project,
                             Diagnostics& diagnostics);
void read_source_spec(const config::Node& spec, RudderProject& project, Diagnostics& diagnostics);
void read_destination_spec(const config::Node& spec, RudderProject& project,
                           Diagnostics& diagnostics);
// A destination's `config:`: event filter, connection modes, consent management, credentials.
void read_destination_config(const config::Node& config, RudderDestination& destination,
                             Diagnostics& diagnostics);
void read_connections_spec(const config::Node& spec, RudderProject& project,
                           Diagnostics& diagnostics);

// A property's or custom type's type: `type` (primitives, comma-separated in rudder/v0.1, or a
// custom-type reference), `types` and `item_type(s)` (rudder/v1), and the config under
// `config_key` (enum, lengths, bounds, pattern, format, item types, additional properties).
void read_rudder_type(YamlFieldReader& reader, RudderSpec version, const char* config_key,
                      RudderType& type, Diagnostics& diagnostics);

// A list of property uses: `{$ref | property, required, additional_properties, properties}`.
std::vector<RudderUse> read_rudder_uses(const config::Node& list, RudderSpec version, bool nested,
                                        Diagnostics& diagnostics);
// `variants:` of a rule or custom type: every property its cases and default add.
std::vector<RudderVariant> read_rudder_variants(const config::Node& list, RudderSpec version,
                                                Diagnostics& diagnostics);

}  // namespace steward::model::formats
