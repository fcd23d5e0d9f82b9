#pragma once

#include <string>
#include <vector>

#include "model/model.h"
#include "model/yaml_field_reader.h"
#include "source/diagnostic.h"

// Reads the rows of model_fields.h that have a YAML key from one mapping into an entity.
namespace steward::model {

void read_fields(YamlFieldReader& reader, Property& property, Diagnostics& diagnostics);
void read_fields(YamlFieldReader& reader, Constraints& constraints, Diagnostics& diagnostics);
void read_fields(YamlFieldReader& reader, Event& event, Diagnostics& diagnostics);

// The YAML keys of those rows, in the table's order, appended to `keys`.
void add_property_field_keys(std::vector<std::string>& keys);  // a property's and its constraints'
void add_event_field_keys(std::vector<std::string>& keys);

}  // namespace steward::model
