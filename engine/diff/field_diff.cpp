#include "diff/field_diff.h"

#include <sstream>

namespace steward::diff {

namespace {

std::string number_text(const std::optional<double>& v) {
  if (!v) return "";
  std::ostringstream out;
  out << *v;
  return out.str();
}

}  // namespace

void FieldDiff::text(const char* field, const std::string& base, const std::string& head) {
  if (base != head) out_.push_back({field, base, head});
}

void FieldDiff::flag(const char* field, bool base, bool head) {
  if (base != head) out_.push_back({field, base ? "true" : "false", head ? "true" : "false"});
}

void FieldDiff::number(const char* field, const std::optional<double>& base,
                       const std::optional<double>& head) {
  if (base != head) out_.push_back({field, number_text(base), number_text(head)});
}

void FieldDiff::integer(const char* field, const std::optional<long long>& base,
                        const std::optional<long long>& head) {
  if (base != head) {
    out_.push_back({field, base ? std::to_string(*base) : "", head ? std::to_string(*head) : ""});
  }
}

void FieldDiff::list(const char* field, const std::vector<std::string>& base,
                     const std::vector<std::string>& head) {
  if (base != head) out_.push_back({field, join(base), join(head)});
}

void FieldDiff::refs(const char* field, const std::vector<model::Ref>& base,
                     const std::vector<model::Ref>& head) {
  list(field, names(base), names(head));
}

}  // namespace steward::diff
