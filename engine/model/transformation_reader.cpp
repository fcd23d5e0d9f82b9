#include "model/kind_readers.h"
#include "model/model_field_reader.h"
#include "model/yaml_field_reader.h"

namespace steward::model {

std::optional<Transformation> read_transformation(const config::Node& root,
                                                  Diagnostics& diagnostics) {
  static const std::vector<std::string> keys =
      known_keys<Transformation>({"kind", "name", "events", "writes"});
  YamlFieldReader reader(root, "transformation", keys, diagnostics);
  auto name = reader.ref("name", true);
  if (!name) return std::nullopt;
  Transformation transformation;
  transformation.name = name->name;
  transformation.span = name->span;
  read_fields(reader, transformation, diagnostics);  // model_fields.h
  transformation.all_events = reader.refs_or_all("events", transformation.events);
  if (const config::Node* writes = reader.mapping("writes")) {
    for (const auto& entry : writes->entries) {
      if (auto category = scalar_ref(entry.value, "a written PII category", diagnostics)) {
        transformation.writes.push_back(
            Write{Ref{std::string(entry.key.text), entry.key.span}, *category});
      }
    }
  }
  return transformation;
}

}  // namespace steward::model
