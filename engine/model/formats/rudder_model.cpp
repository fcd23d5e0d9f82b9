#include "model/formats/rudder_model.h"

#include <algorithm>
#include <unordered_map>

#include "model/formats/rudder_index.h"
#include "model/formats/rudder_properties.h"
#include "model/formats/rudder_refs.h"
#include "source/rule_ids.h"

namespace steward::model::formats {

namespace {

void add_ref(std::vector<Ref>& refs, const Ref& ref) {
  bool known =
      std::any_of(refs.begin(), refs.end(), [&](const Ref& r) { return r.name == ref.name; });
  if (!known) refs.push_back(ref);
}

class RudderAssembler {
 public:
  RudderAssembler(const RudderProject& project, const std::vector<Property>& library,
                  Diagnostics& diagnostics)
      : project_(project),
        index_(project, diagnostics),
        properties_(index_, library, diagnostics) {}

  RudderEntities run() {
    for (const auto& definition : project_.events)
      add_event(definition);
    for (const auto& plan : project_.tracking_plans) {
      for (const auto& rule : plan.rules)
        apply_rule(plan, rule);
    }
    for (const auto& plan : project_.tracking_plans) {
      for (const auto& rule : plan.rules)
        include_rules(plan, rule);
    }
    for (const auto& source : project_.sources)
      add_source(source);
    for (const auto& destination : project_.destinations)
      add_destination(destination);
    for (const auto& connection : project_.connections)
      connect(connection);
    return std::move(out_);
  }

 private:
  // A duplicate id is reported by the index; only the first definition is read.
  void add_event(const RudderEventDef& definition) {
    if (events_by_id_.count(definition.id.name)) return;
    Event event;
    event.name = definition.name.name.empty() ? definition.id.name : definition.name.name;
    event.span = definition.name.name.empty() ? definition.id.span : definition.name.span;
    event.description = definition.description;
    if (const RudderCategory* category = index_.category(definition.category)) {
      event.domain = category->name;
    }
    event.additional_properties = true;
    ruled_.push_back(false);
    events_by_id_.try_emplace(definition.id.name, out_.events.size());
    out_.events.push_back(std::move(event));
  }

  Event* event_of(const Ref& ref) {
    const RudderEventDef* definition = index_.event(ref);
    if (!definition) return nullptr;
    auto it = events_by_id_.find(definition->id.name);
    return it == events_by_id_.end() ? nullptr : &out_.events[it->second];
  }

  void apply_rule(const RudderTrackingPlan& plan, const RudderRule& rule) {
    if (rule.event.name.empty()) return;
    Event* event = event_of(rule.event);
    if (!event) return;
    size_t position = static_cast<size_t>(event - out_.events.data());
    plan_events_[plan.id.name].push_back(position);
    // Unplanned properties are allowed only where every rule for the event allows them.
    if (!ruled_[position]) {
      ruled_[position] = true;
      event->additional_properties = rule.additional_properties;
    } else {
      event->additional_properties = event->additional_properties && rule.additional_properties;
    }
    Property holder;
    holder.properties = std::move(event->properties);
    properties_.add_uses(rule.properties, holder, 0, false);
    for (const auto& variant : rule.variants) {
      index_.property(variant.discriminator);
      properties_.add_uses(variant.properties, holder, 0, true);
    }
    event->properties = std::move(holder.properties);
  }

  // `includes: #/tp/PLAN/event_rule/RULE`: the events of another plan's rule (`*`: all of them).
  void include_rules(const RudderTrackingPlan& plan, const RudderRule& rule) {
    if (rule.includes.name.empty()) return;
    auto include = parse_rudder_include(rule.includes.name);
    if (!include) {
      index_.report_once(rule_id::kSchemaInvalidValue, rule.includes.span,
                         "'" + rule.includes.name + "' is not an include reference",
                         "write #/tp/PLAN/event_rule/RULE (RULE may be *)");
      return;
    }
    const RudderTrackingPlan* other = index_.tracking_plan_by_id(include->tracking_plan);
    if (!other) {
      index_.report_once(rule_id::kReferenceUnknownTrackingPlan, rule.includes.span,
                         "no tracking plan with id '" + include->tracking_plan + "'");
      return;
    }
    bool found = false;
    for (const auto& included : other->rules) {
      if (include->rule != "*" && included.id.name != include->rule) continue;
      found = true;
      if (included.event.name.empty()) continue;
      if (Event* event = event_of(included.event)) {
        plan_events_[plan.id.name].push_back(static_cast<size_t>(event - out_.events.data()));
      }
    }
    if (!found) {
      index_.report_once(
          rule_id::kReferenceUnknownTrackingPlan, rule.includes.span,
          "tracking plan '" + other->id.name + "' has no event rule '" + include->rule + "'");
    }
  }

  void add_source(const RudderSource& definition) {
    if (!sources_by_id_.try_emplace(definition.id.name, out_.sources.size()).second) return;
    Source source;
    source.name = definition.id.name;
    source.span = definition.id.span;
    source.platform = definition.type;
    source.description = definition.name;
    out_.sources.push_back(std::move(source));
    if (definition.tracking_plan.name.empty()) return;
    const RudderTrackingPlan* plan = index_.tracking_plan(definition.tracking_plan);
    if (!plan || !definition.enabled) return;
    for (size_t position : plan_events_[plan->id.name]) {
      add_ref(out_.events[position].sources,
              Ref{definition.id.name, definition.tracking_plan.span});
    }
  }

  void add_destination(const RudderDestination& definition) {
    if (destinations_by_id_.count(definition.id.name)) return;
    Destination destination;
    destination.name = definition.id.name;
    destination.span = definition.id.span;
    destination.description = definition.display_name;
    destination.consent = definition.consent;
    destination.enabled = definition.enabled;
    destination.enabled_span = definition.enabled_span;
    destination.consent_providers = definition.consent_providers;
    destination.event_filter = definition.event_filter;
    destination.filtered_events = definition.filtered_events;
    destination.event_filter_span = definition.event_filter_span;
    destination.connection_modes = definition.connection_modes;
    destination.literal_credentials = definition.literal_credentials;
    destinations_by_id_.try_emplace(definition.id.name, out_.destinations.size());
    out_.destinations.push_back(std::move(destination));
  }

  void connect(const RudderConnection& connection) {
    const RudderSource* source = index_.source(connection.source);
    const RudderDestination* target = index_.destination(connection.destination);
    if (!source || !target) return;
    if (!connection.enabled || !source->enabled || !target->enabled) return;
    Destination& destination = out_.destinations[destinations_by_id_.at(target->id.name)];
    if (source->tracking_plan.name.empty()) {
      destination.all_events = true;  // ungoverned: any event the source sends
      return;
    }
    const RudderTrackingPlan* plan = index_.tracking_plan(source->tracking_plan);
    if (!plan) return;
    for (size_t position : plan_events_[plan->id.name]) {
      add_ref(destination.events, Ref{out_.events[position].name, connection.destination.span});
    }
  }

  const RudderProject& project_;
  RudderIndex index_;
  RudderPropertyBuilder properties_;
  RudderEntities out_;
  std::unordered_map<std::string, size_t> events_by_id_;
  std::unordered_map<std::string, size_t> destinations_by_id_;
  std::unordered_map<std::string, std::vector<size_t>> plan_events_;  // plan id -> events
  std::vector<bool> ruled_;  // per event: whether a rule has set additional_properties yet
  std::unordered_map<std::string, size_t> sources_by_id_;
};

}  // namespace

RudderEntities build_rudder_entities(const RudderProject& project,
                                     const std::vector<Property>& library,
                                     Diagnostics& diagnostics) {
  return RudderAssembler(project, library, diagnostics).run();
}

}  // namespace steward::model::formats
