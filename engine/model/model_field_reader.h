#pragma once

#include <initializer_list>
#include <string>
#include <vector>

#include "model/model.h"
#include "model/yaml_field_reader.h"
#include "source/diagnostic.h"

// Reads the rows of an entity's table in model_fields.h that have a YAML key from one mapping
// into the entity (Property, Constraints, Event, Source, Destination, Transformation, Identity,
// MatchKey, Team, Slo).
namespace steward::model {

template <class Owner>
void read_fields(YamlFieldReader& reader, Owner& owner, Diagnostics& diagnostics);

// The keys of the entity's mapping: `own` (the keys its reader reads by hand: kind, name, lists of
// entities), then the table's YAML keys and sections, each once.
template <class Owner>
std::vector<std::string> known_keys(std::initializer_list<const char*> own);

}  // namespace steward::model
