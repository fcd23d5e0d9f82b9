// Environments (docs/kpis.md): destinations and transformations that reach production without
// staging. The comparison lives in engine/kpi, shared with `steward diff`'s environments section.

#include "kpi/environments.h"

#include "policy/language_types.h"
#include "rules/builtins.h"
#include "rules/model_values.h"

namespace steward::rules {

using policy::Type;
using policy::Value;

void register_environments(policy::FunctionRegistry& r) {
  const Type model = Type::object_of(policy::language_types().model);
  const Type destination = Type::object_of(policy::language_types().destination);

  r.add({"production_without_staging",
         {model, model},
         Type::list(destination),
         nullptr,
         [](std::span<const Value> a) {
           const model::Model* base = model_of(a[0]);
           const model::Model* head = model_of(a[1]);
           std::vector<Value> out;
           if (base == nullptr || head == nullptr) return Value::owned_list({});
           for (const auto& gap : kpi::environment_gaps(*base, *head)) {
             if (gap.transformation.empty()) {
               out.push_back(Value::object(policy::language_types().destination, gap.destination,
                                           a[1].view()));
             }
           }
           return Value::owned_list(std::move(out));
         },
         "the head destinations newly connected in production that staging never had (empty "
         "without a base, or when nothing is connected in staging)"});

  r.add({"transformations_without_staging",
         {model, model, destination},
         Type::list(Type::string()),
         nullptr,
         [](std::span<const Value> a) {
           const model::Model* base = model_of(a[0]);
           const model::Model* head = model_of(a[1]);
           const model::Destination* d = destination_of(a[2]);
           std::vector<Value> out;
           if (base == nullptr || head == nullptr || d == nullptr) return Value::owned_list({});
           for (const auto& gap : kpi::environment_gaps(*base, *head)) {
             if (gap.destination == d && !gap.transformation.empty())
               out.push_back(Value::owned(gap.transformation));
           }
           return Value::owned_list(std::move(out));
         },
         "the transformations a production destination newly runs that no destination "
         "connected in staging runs, at head or at base"});
}

}  // namespace steward::rules
