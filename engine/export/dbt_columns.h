#pragma once

#include <string>
#include <vector>

#include "model/model.h"

namespace steward::exports {

// A column of a warehouse table as steward expects the loader to write it: one per delivered
// property, an object's properties flattened into `parent_child` columns, an array kept whole.
struct DbtColumn {
  std::string name;       // the property path with '_' for '.': "address_city"
  std::string data_type;  // string, bigint, double, boolean, json
  bool not_null = false;  // required, and so is every object it sits in
  bool numeric = false;   // enum values compare unquoted
  std::string pii;        // after the destination's transformations
  const model::Property* property = nullptr;
};

// The columns `route`'s destination receives of its event, in the plan's order.
std::vector<DbtColumn> dbt_columns(const model::Route& route);

// The warehouse column type of a property's JSON Schema types.
std::string dbt_data_type(const model::TypeNames& types);

}  // namespace steward::exports
