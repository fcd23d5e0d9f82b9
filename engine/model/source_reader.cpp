#include "model/kind_readers.h"
#include "model/model_field_reader.h"
#include "model/yaml_field_reader.h"

namespace steward::model {

std::optional<Source> read_source(const config::Node& root, Diagnostics& diagnostics) {
  static const std::vector<std::string> keys = known_keys<Source>({"kind", "name"});
  YamlFieldReader reader(root, "source", keys, diagnostics);
  auto name = reader.ref("name", true);
  if (!name) return std::nullopt;
  Source source;
  source.name = name->name;
  source.span = name->span;
  read_fields(reader, source, diagnostics);  // model_fields.h
  return source;
}

}  // namespace steward::model
