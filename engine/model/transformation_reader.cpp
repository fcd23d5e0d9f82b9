#include "model/kind_readers.h"
#include "model/yaml_field_reader.h"

namespace steward::model {

std::optional<Transformation> read_transformation(const config::Node& root,
                                                  Diagnostics& diagnostics) {
  YamlFieldReader reader(root, "transformation",
                         {"kind", "name", "description", "events", "reads", "writes"}, diagnostics);
  auto name = reader.ref("name", true);
  if (!name) return std::nullopt;
  Transformation transformation;
  transformation.name = name->name;
  transformation.span = name->span;
  transformation.description = reader.text("description").value_or("");
  transformation.all_events = reader.refs_or_all("events", transformation.events);
  transformation.reads = reader.refs("reads");
  if (const config::Node* writes = reader.mapping("writes")) {
    for (const auto& entry : writes->entries) {
      if (auto category = scalar_ref(entry.value, "a written PII category", diagnostics)) {
        transformation.writes.push_back(Write{Ref{entry.key.text, entry.key.span}, *category});
      }
    }
  }
  return transformation;
}

}  // namespace steward::model
