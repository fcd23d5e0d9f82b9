#include "model/kind_readers.h"
#include "model/yaml_field_reader.h"

namespace steward::model {

std::optional<Source> read_source(const config::Node& root, Diagnostics& diagnostics) {
  YamlFieldReader reader(root, "source",
                         {"kind", "name", "description", "platform", "environments"}, diagnostics);
  auto name = reader.ref("name", true);
  if (!name) return std::nullopt;
  Source source;
  source.name = name->name;
  source.span = name->span;
  source.description = reader.text("description").value_or("");
  source.platform = reader.text("platform").value_or("");
  source.environments = reader.refs("environments");
  return source;
}

}  // namespace steward::model
