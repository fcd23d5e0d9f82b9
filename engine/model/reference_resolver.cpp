#include "model/reference_resolver.h"

#include <functional>
#include <iterator>
#include <optional>
#include <string_view>
#include <unordered_set>

#include "model/derived_texts.h"
#include "model/yaml_field_reader.h"
#include "source/rule_ids.h"
#include "source/spelling.h"
#include "source/text_hash.h"

namespace steward::model {

namespace {

template <typename List>
std::vector<std::string> names_of(const List& items) {
  std::vector<std::string> names;
  names.reserve(items.size());
  for (const auto& item : items)
    names.push_back(item.name);
  return names;
}

class Resolver {
 public:
  Resolver(Model& model, Diagnostics& diagnostics, const std::vector<SharedLinking*>& shared)
      : model_(model),
        out_(diagnostics),
        diagnostics_(&diagnostics),
        shared_(shared),
        event_names_(names_of(model.events)),
        team_names_(names_of(model.teams)),
        source_names_(names_of(model.sources)),
        destination_names_(names_of(model.destinations)),
        transformation_names_(names_of(model.transformations)),
        library_names_(names_of(model.property_library)),
        category_names_(names(model.taxonomy.pii_categories)),
        purpose_names_(names(model.taxonomy.consent_purposes)) {}

  void run(const std::function<void()>& linked) {
    for (auto& property : model_.property_library)
      check_property(property);
    // Every event is linked before any is checked, so that `linked` lets the next model that
    // shares these events start resolving while this one checks (ModelBuilder::finish). What
    // linking reports goes into `links` meanwhile, each event's part ending at link_ends[i], and
    // then in front of the event's checks, in the order a single pass gave.
    Diagnostics links;
    std::vector<size_t> link_ends(model_.events.size());
    diagnostics_ = &links;
    for (size_t i = 0; i < model_.events.size(); ++i) {
      link_event(model_.events[i], shared_.empty() ? nullptr : shared_[i]);
      link_ends[i] = links.size();
    }
    diagnostics_ = &out_;
    if (linked) linked();
    for (size_t i = 0; i < model_.events.size(); ++i) {
      const size_t begin = i == 0 ? 0 : link_ends[i - 1];
      std::move(links.begin() + static_cast<std::ptrdiff_t>(begin),
                links.begin() + static_cast<std::ptrdiff_t>(link_ends[i]),
                std::back_inserter(out_));
      check_event(model_.events[i]);
    }
    for (auto& destination : model_.destinations)
      resolve_destination(destination);
    for (const auto& transformation : model_.transformations) {
      resolve_transformation(transformation);
    }
    for (auto& identity : model_.identities)
      resolve_identity(identity);
    for (const auto& slo : model_.slos) {
      expect(model_.find_destination(slo.destination.name), slo.destination, "destination",
             destination_names_, rule_id::kReferenceUnknownDestination);
      expect(model_.find_team(slo.owner.name), slo.owner, "team", team_names_,
             rule_id::kReferenceUnknownTeam);
    }
    for (const auto& rule : model_.taxonomy.residency)
      check_category(rule.pii);
  }

 private:
  // Reports `ref` as dangling when `found` is null; returns found.
  template <typename T>
  const T* expect(const T* found, const Ref& ref, std::string_view kind,
                  const std::vector<std::string>& candidates, const char* rule) {
    if (found || ref.name.empty()) return found;
    auto guess = closest_match(ref.name, candidates);
    report(*diagnostics_, rule, ref.span, "no " + std::string(kind) + " named '" + ref.name + "'",
           "define `kind: " + std::string(kind) + "` with this name, or fix the reference",
           guess ? "did you mean '" + *guess + "'?" : "");
    return nullptr;
  }

  void check_category(const Ref& category) { check_category(category.name, category.span); }
  // Every property's category is checked, in each model: a large plan has hundreds of thousands
  // that name a few dozen categories, and each look-up in the taxonomy scans its list.
  void check_category(std::string_view name, const Span& span) {
    if (name.empty() || is_no_pii(name)) return;
    if (known_categories_.contains(name)) return;
    if (model_.taxonomy.has_category(name)) {
      known_categories_.emplace(name);
      return;
    }
    const std::string category(name);
    auto guess = closest_match(category, category_names_);
    report(*diagnostics_, rule_id::kReferenceUnknownPiiCategory, span,
           "'" + category + "' is not a PII category of the taxonomy",
           model_.taxonomy.builtin
               ? "use a category of steward's default taxonomy (docs/taxonomy.md), or declare "
                 "`kind: taxonomy`"
               : "add it to the taxonomy's pii_categories, or use `none` for non-personal data",
           guess ? "did you mean '" + *guess + "'?" : "");
  }

  void check_purposes(const std::vector<Ref>& purposes) {
    for (const auto& purpose : purposes) {
      if (model_.taxonomy.has_purpose(purpose.name)) continue;
      auto guess = closest_match(purpose.name, purpose_names_);
      report(*diagnostics_, rule_id::kReferenceUnknownConsentPurpose, purpose.span,
             "'" + purpose.name + "' is not a consent purpose of the taxonomy",
             "use one of the taxonomy's consent_purposes",
             guess ? "did you mean '" + *guess + "'?" : "");
    }
  }

  void check_property(const Property& property) {
    check_category(*property.pii, property.pii_span);
    check_purposes(property.consent);
    for (const auto& child : property.properties)
      check_property(child);
    for (const auto& item : property.items)
      check_property(item);
  }

  // Gives a property the parts it leaves to its `$ref` definition, with nested paths rebased.
  void expand_ref(Property& property) {
    if (property.ref->name.empty()) return;
    const Property* definition =
        expect(model_.find_library_property(property.ref->name), *property.ref, "property",
               library_names_, rule_id::kReferenceUnknownPropertyDefinition);
    if (!definition) return;
    if (property.types.empty()) {
      property.types = definition->types;
      property.type_span = definition->type_span;
      property.constraints = definition->constraints;
    }
    if (property.pii->empty()) {
      property.pii = definition->pii;
      property.pii_span = definition->pii_span;
    }
    if (property.consent.empty()) property.consent = definition->consent;
    if (property.description->empty()) property.description = definition->description;
    if (property.properties.empty() && property.items.empty()) {
      property.properties = definition->properties;
      property.items = definition->items;
      for (auto& child : property.properties)
        rebase(child, property.path);
      for (auto& item : property.items)
        rebase_item(item, property);
    }
  }

  static void rebase(Property& property, const std::string& parent_path) {
    property.path = parent_path + "." + property.name;
    for (auto& child : property.properties)
      rebase(child, property.path);
    for (auto& item : property.items)
      rebase_item(item, property);
  }
  static void rebase_item(Property& item, const Property& array) {
    item.name = array.name;
    item.path = array.path;
    for (auto& child : item.properties)
      rebase(child, item.path);
    for (auto& nested : item.items)
      rebase_item(nested, item);
  }

  void link(Property& property, Event& event) {
    expand_ref(property);
    property.event = &event;
    event.all_properties.push_back(&property);
    for (auto& child : property.properties)
      link(child, event);
    for (auto& item : property.items) {
      item.event = &event;
      for (auto& child : item.properties)
        link(child, event);
      for (auto& nested : item.items)
        link_items(nested, event);
    }
  }
  // Arrays of arrays: the inner item schemas hold properties too.
  void link_items(Property& item, Event& event) {
    item.event = &event;
    for (auto& child : item.properties)
      link(child, event);
    for (auto& nested : item.items)
      link_items(nested, event);
  }

  // Links the event's properties, or, when another model has linked this very event, repeats
  // what that reported (see SharedLinking).
  void link_event(Event& event, SharedLinking* shared) {
    if (shared && shared->linked) {
      diagnostics_->insert(diagnostics_->end(), shared->diagnostics.begin(),
                           shared->diagnostics.end());
      return;
    }
    const size_t before = diagnostics_->size();
    for (auto& property : event.properties)
      link(property, event);
    if (shared) {
      shared->linked = true;
      shared->diagnostics.assign(diagnostics_->begin() + static_cast<std::ptrdiff_t>(before),
                                 diagnostics_->end());
    }
  }

  // What an event refers to beyond its properties' `$ref`s, once it is linked.
  void check_event(const Event& event) {
    for (const Property* property : event.all_properties) {
      if (property->ref->name.empty()) {
        check_category(*property->pii, property->pii_span);
        check_purposes(property->consent);
      }
    }
    check_purposes(event.consent);
    expect(model_.find_team(event.owner.name), event.owner, "team", team_names_,
           rule_id::kReferenceUnknownTeam);
    for (const auto& source : event.sources) {
      expect(model_.find_source(source.name), source, "source", source_names_,
             rule_id::kReferenceUnknownSource);
    }
    if (event.deprecated) {
      expect(model_.find_event(event.deprecated->replaced_by.name), event.deprecated->replaced_by,
             "event", event_names_, rule_id::kReferenceUnknownEvent);
    }
  }

  void expect_property(const Event& event, const Ref& path) {
    if (Model::find_property(event, path.name)) return;
    std::vector<std::string> paths;
    for (const Property* p : event.all_properties)
      paths.push_back(p->path);
    auto guess = closest_match(path.name, paths);
    report(*diagnostics_, rule_id::kReferenceUnknownProperty, path.span,
           "event '" + event.name + "' has no property '" + path.name + "'",
           "name a property the event defines (nested ones by dotted path, e.g. items.sku)",
           guess ? "did you mean '" + *guess + "'?" : "");
  }

  // `properties.x.y` names a property of the event; other roots (context., traits.) are not part
  // of the tracking plan and are not checked.
  void resolve_mapping(Mapping& mapping, const Event* event) {
    const std::string prefix = "properties.";
    if (!mapping.from.name.starts_with(prefix) || !event) return;
    Ref path{mapping.from.name.substr(prefix.size()), mapping.from.span};
    const Property* property = Model::find_property(*event, path.name);
    if (!property) expect_property(*event, path);
    mapping.property = property;
  }

  void resolve_destination(Destination& destination) {
    expect(model_.find_team(destination.owner.name), destination.owner, "team", team_names_,
           rule_id::kReferenceUnknownTeam);
    for (const auto& event : destination.events) {
      expect(model_.find_event(event.name), event, "event", event_names_,
             rule_id::kReferenceUnknownEvent);
    }
    for (const auto& exclusion : destination.exclude_properties) {
      const Event* event = expect(model_.find_event(exclusion.event.name), exclusion.event, "event",
                                  event_names_, rule_id::kReferenceUnknownEvent);
      if (!event) continue;
      for (const auto& property : exclusion.properties)
        expect_property(*event, property);
    }
    for (auto& mapping : destination.mappings) {
      const Event* event = nullptr;
      if (!mapping.event.name.empty()) {
        event = expect(model_.find_event(mapping.event.name), mapping.event, "event", event_names_,
                       rule_id::kReferenceUnknownEvent);
      }
      resolve_mapping(mapping, event);
    }
    for (const auto& t : destination.transformations) {
      expect(model_.find_transformation(t.name), t, "transformation", transformation_names_,
             rule_id::kReferenceUnknownTransformation);
    }
    for (const auto& category : destination.allow_pii)
      check_category(category);
    check_purposes(destination.consent);
  }

  void resolve_transformation(const Transformation& transformation) {
    std::vector<const Event*> events;
    if (transformation.all_events) {
      for (const auto& e : model_.events)
        events.push_back(&e);
    }
    for (const auto& event : transformation.events) {
      if (const Event* e = expect(model_.find_event(event.name), event, "event", event_names_,
                                  rule_id::kReferenceUnknownEvent)) {
        events.push_back(e);
      }
    }
    // What a transformation reads or writes must exist in every event it runs on, or it fails
    // at run time on the events that lack it.
    for (const Event* event : events) {
      for (const auto& read : transformation.reads)
        expect_property(*event, read);
      for (const auto& write : transformation.writes)
        expect_property(*event, write.property);
    }
    for (const auto& write : transformation.writes)
      check_category(write.category);
  }

  void resolve_identity(Identity& identity) {
    expect(model_.find_team(identity.owner.name), identity.owner, "team", team_names_,
           rule_id::kReferenceUnknownTeam);
    for (auto& key : identity.match_keys) {
      check_purposes(key.consent);
      const std::string& from = key.from.name;
      auto dot = from.find('.');
      if (dot == std::string::npos) continue;
      std::string root = from.substr(0, dot), path = from.substr(dot + 1);
      // Traits and properties are both described by the tracking plan's properties; context
      // fields are set by the SDKs and are not part of it.
      if (root != "traits" && root != "properties") continue;
      bool found = false;
      for (const auto& event : model_.events) {
        if (const Property* p = Model::find_property(event, path)) {
          if (key.properties.empty()) key.pii = *p->pii;
          key.properties.push_back(p);
          found = true;
        }
      }
      if (found) continue;
      const auto& known_paths = known_paths_of_events();
      if (!known_paths.contains(path)) {
        std::vector<std::string> candidates(known_paths.begin(), known_paths.end());
        auto guess = closest_match(path, candidates);
        report(*diagnostics_, rule_id::kReferenceUnknownProperty, key.from.span,
               "no event of the tracking plan has a property '" + path + "'",
               "match keys read properties that the tracking plan defines",
               guess ? "did you mean '" + root + "." + *guess + "'?" : "");
      }
    }
  }

  Model& model_;
  Diagnostics& out_;
  // Where reports go: out_, or while events are linked the links (run).
  Diagnostics* diagnostics_;
  const std::vector<SharedLinking*>& shared_;
  std::vector<std::string> event_names_, team_names_, source_names_, destination_names_,
      transformation_names_, library_names_, category_names_, purpose_names_;
  // Every property path of the tracking plan, made only for a match key that names no event's
  // property: a large plan has hundreds of thousands, and hashing them all was a third of
  // resolving a model.
  const std::unordered_set<std::string_view>& known_paths_of_events() {
    if (!known_paths_) {
      known_paths_.emplace();
      for (const auto& event : model_.events) {
        for (const Property* p : event.all_properties)
          known_paths_->insert(p->path);
      }
    }
    return *known_paths_;
  }
  std::optional<std::unordered_set<std::string_view>> known_paths_;
  // The categories found in the taxonomy so far (check_category).
  std::unordered_set<std::string, TextHash, std::equal_to<>> known_categories_;
};

}  // namespace

void resolve_references(Model& model, Diagnostics& diagnostics,
                        const std::vector<SharedLinking*>& shared,
                        const std::function<void()>& linked) {
  Resolver(model, diagnostics, shared).run(linked);
}

}  // namespace steward::model
