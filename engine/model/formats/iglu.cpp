#include "model/formats/iglu.h"

#include <charconv>
#include <vector>

#include "model/yaml_field_reader.h"
#include "source/rule_ids.h"

namespace steward::model::formats {

namespace {

std::optional<long long> whole_number(std::string_view text) {
  if (text.empty() || text.size() > 9 || (text.size() > 1 && text.front() == '0')) {
    return std::nullopt;
  }
  long long value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::vector<std::string_view> segments(std::string_view path) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t slash = path.find('/', start);
    out.push_back(path.substr(start, slash == std::string_view::npos ? slash : slash - start));
    if (slash == std::string_view::npos) return out;
    start = slash + 1;
  }
}

// An Iglu repository keeps each version at schemas/VENDOR/NAME/FORMAT/VERSION: that path and
// `self` must agree, or Iglu Server and the pipeline resolve another schema than the one read.
void check_path(const IgluSelf& self, const std::string& path, Diagnostics& diagnostics) {
  auto parts = segments(path);
  if (parts.size() < 4 || parts[parts.size() - 2] != "jsonschema") return;
  std::string_view version = parts.back();
  if (auto dot = version.find('.'); dot != std::string_view::npos) version = version.substr(0, dot);
  const std::pair<const Ref*, std::string_view> fields[] = {{&self.vendor, parts[parts.size() - 4]},
                                                            {&self.name, parts[parts.size() - 3]},
                                                            {&self.version, version}};
  for (const auto& [field, expected] : fields) {
    if (field->name == expected) continue;
    report(diagnostics, rule_id::kSchemaInvalidValue, field->span,
           "`self` says '" + field->name + "' but the file's path says '" + std::string(expected) +
               "'",
           "an Iglu repository keeps each version at schemas/VENDOR/NAME/jsonschema/VERSION",
           "write '" + std::string(expected) + "', or move the file");
  }
}

}  // namespace

std::string SchemaVer::text() const {
  return std::to_string(model) + "-" + std::to_string(revision) + "-" + std::to_string(addition);
}

std::optional<SchemaVer> parse_schemaver(std::string_view text) {
  auto first = text.find('-');
  if (first == std::string_view::npos) return std::nullopt;
  auto second = text.find('-', first + 1);
  if (second == std::string_view::npos) return std::nullopt;
  auto model = whole_number(text.substr(0, first));
  auto revision = whole_number(text.substr(first + 1, second - first - 1));
  auto addition = whole_number(text.substr(second + 1));
  if (!model || !revision || !addition || *model < 1) return std::nullopt;
  return SchemaVer{*model, *revision, *addition};
}

std::string IgluSelf::uri() const {
  return "iglu:" + key() + "/" + version.name;
}

std::string IgluSelf::key() const {
  return vendor.name + "/" + name.name + "/" + format.name;
}

bool is_self_describing(const config::Node& root) {
  const config::Node* self = root.find("self");
  return self && self->is_mapping();
}

std::optional<IgluSelf> read_iglu_self(const config::Node& self, const std::string& path,
                                       Diagnostics& diagnostics) {
  YamlFieldReader reader(self, "self", {"vendor", "name", "format", "version"}, diagnostics);
  auto vendor = reader.ref("vendor", true);
  auto name = reader.ref("name", true);
  auto format = reader.ref("format", true);
  auto version = reader.ref("version", true);
  if (!vendor || !name || !format || !version) return std::nullopt;
  IgluSelf out{*vendor, *name, *format, *version, {}};
  if (format->name != "jsonschema") {
    reader.invalid_value(*self.find("format"),
                         "format '" + format->name + "' is not read; steward reads `jsonschema`");
    return std::nullopt;
  }
  auto schemaver = parse_schemaver(version->name);
  if (!schemaver) {
    reader.invalid_value(
        *self.find("version"),
        "version '" + version->name + "' is not a SchemaVer MODEL-REVISION-ADDITION such as 1-0-0");
    return std::nullopt;
  }
  out.schemaver = *schemaver;
  check_path(out, path, diagnostics);
  return out;
}

}  // namespace steward::model::formats
