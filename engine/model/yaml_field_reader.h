#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "config/node.h"
#include "model/model.h"
#include "source/diagnostic.h"
#include "source/diagnostic_factory.h"

namespace steward::model {

// Reads the fields of one mapping against the keys its kind defines. Every schema finding about
// a mapping comes from here: unknown keys (with a did-you-mean), values of the wrong type, missing
// required fields, values outside their allowed set. Keys starting with `x-` and `metadata` are
// free for teams' own annotations.
class YamlFieldReader {
 public:
  YamlFieldReader(const config::Node& mapping, std::string what,
                  const std::vector<std::string>& known_keys, Diagnostics& diagnostics);

  bool is_mapping() const { return mapping_.is_mapping(); }
  const config::Node* get(std::string_view key) const { return mapping_.find(key); }
  const config::Node& node() const { return mapping_; }

  // A scalar read as text (numbers and booleans too, as written).
  std::optional<std::string> text(std::string_view key, bool required = false);
  // Like text, with the value's span.
  std::optional<Ref> ref(std::string_view key, bool required = false);
  // A list of scalars; each with its own span.
  std::vector<Ref> refs(std::string_view key);
  std::optional<bool> boolean(std::string_view key);
  std::optional<double> number(std::string_view key);
  std::optional<long long> integer(std::string_view key, long long minimum = 0);
  // One of `allowed`, else schema.invalid-value with a did-you-mean.
  std::optional<std::string> choice(std::string_view key, const std::vector<std::string>& allowed);
  // A list or the string "*"; returns true for "*".
  bool refs_or_all(std::string_view key, std::vector<Ref>& out);
  // A mapping; reports wrong-type when the key holds something else.
  const config::Node* mapping(std::string_view key);
  // A list; reports wrong-type when the key holds something else.
  const config::Node* sequence(std::string_view key);

  void wrong_type(const config::Node& value, std::string_view key, std::string_view expected);
  void invalid_value(const config::Node& value, std::string message, std::string suggestion = {});
  void missing(std::string_view key);

 private:
  const config::Node& mapping_;
  std::string what_;
  Diagnostics& diagnostics_;
};

// A scalar's text with its span; nullopt (and schema.wrong-type reported) for anything else.
std::optional<Ref> scalar_ref(const config::Node& node, std::string_view what,
                              Diagnostics& diagnostics);

}  // namespace steward::model
