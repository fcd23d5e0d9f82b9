#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diff/change_set.h"
#include "model/derived_texts.h"

namespace steward::diff {

// Compares one field of two entities and records it when it differs. The text forms are what
// `steward diff` shows; rules compare the typed values through the base and head sides.
class FieldDiff {
 public:
  explicit FieldDiff(std::vector<FieldChange>& out) : out_(out) {}

  void text(const char* field, const std::string& base, const std::string& head);
  void flag(const char* field, bool base, bool head);
  void number(const char* field, const std::optional<double>& base,
              const std::optional<double>& head);
  void integer(const char* field, const std::optional<long long>& base,
               const std::optional<long long>& head);
  void list(const char* field, const std::vector<std::string>& base,
            const std::vector<std::string>& head);
  void refs(const char* field, const std::vector<model::Ref>& base,
            const std::vector<model::Ref>& head);

 private:
  std::vector<FieldChange>& out_;
};

using model::join;  // model/derived_texts.h
using model::names;

}  // namespace steward::diff
