// Policy coverage (docs/kpis.md): the figure of a model, the properties without metadata, and
// the properties that lowered it between base and head. One definition, in engine/kpi, for the
// rules and for `steward coverage`, so the two never disagree.

#include "kpi/coverage.h"

#include "kpi/coverage_report.h"
#include "policy/language_types.h"
#include "rules/builtins.h"
#include "rules/model_values.h"

namespace steward::rules {

using policy::Type;
using policy::Value;

namespace {

// The properties as values of the model `owner` belongs to (head or base), so that findings
// point at their spans.
Value property_list(const std::vector<const model::Property*>& properties, const Value& owner) {
  std::vector<Value> out;
  out.reserve(properties.size());
  for (const model::Property* p : properties)
    out.push_back(Value::object(policy::language_types().property, p, owner.view()));
  return Value::owned_list(std::move(out));
}

}  // namespace

void register_coverage(policy::FunctionRegistry& r) {
  const Type model = Type::object_of(policy::language_types().model);
  const Type properties = Type::list(Type::object_of(policy::language_types().property));

  r.add({"policy_coverage",
         {model},
         Type::number(),
         nullptr,
         [](std::span<const Value> a) {
           const model::Model* m = model_of(a[0]);
           if (m == nullptr) return Value();
           return Value::number(kpi::measure_overall_coverage(*m).overall.percent());
         },
         "the policy coverage of a model in percent (100 with no production property), or none"});

  r.add({"coverage_summary",
         {model},
         Type::string(),
         nullptr,
         [](std::span<const Value> a) {
           const model::Model* m = model_of(a[0]);
           if (m == nullptr) return Value();
           kpi::CoverageCount count = kpi::measure_overall_coverage(*m).overall;
           return Value::owned(kpi::percent_text(count) + " (" + std::to_string(count.covered) +
                               " of " + std::to_string(count.total) + ")");
         },
         "the policy coverage of a model as text: \"87.5% (70 of 80)\", or none"});

  r.add({"uncovered_properties",
         {model},
         properties,
         nullptr,
         [](std::span<const Value> a) {
           const model::Model* m = model_of(a[0]);
           if (m == nullptr) return Value::owned_list({});
           return property_list(kpi::measure_overall_coverage(*m).uncovered, a[0]);
         },
         "the production properties of a model without PII and consent metadata"});

  r.add({"coverage_lowered_at",
         {model, model},
         properties,
         nullptr,
         [](std::span<const Value> a) {
           const model::Model* base = model_of(a[0]);
           const model::Model* head = model_of(a[1]);
           if (base == nullptr || head == nullptr) return Value::owned_list({});
           return property_list(kpi::coverage_lowered_at(*base, *head), a[1]);
         },
         "the head properties that lowered policy coverage from base (empty when it did not "
         "fall)"});
}

}  // namespace steward::rules
