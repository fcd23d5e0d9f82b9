#pragma once

// The one table of the object types the policy language knows: X(name, summary) per type, in the
// order docs and did-you-mean list them. LanguageTypes (language_types.h) and the binding slots
// (binding.h) are generated from it, so adding a type is one row here plus its binding in
// model_binding.cpp or change_binding.cpp (and a test).

// clang-format off
#define STEWARD_LANGUAGE_TYPES(X) \
  X(model, "one revision of the customer-data repository") \
  X(event, "a tracked event") \
  X(deprecation, "an event's deprecation notice") \
  X(property, "a property of an event or of the library") \
  X(source, "where events come from") \
  X(destination, "where events go") \
  X(connection_mode, "how a destination receives one platform's events (cloud or device)") \
  X(consent_provider, "a destination's consent management provider on one platform") \
  X(literal_credential, "a credential written as a literal in a config (never its value)") \
  X(exclusion, "properties a destination does not receive") \
  X(mapping, "a destination field and where it comes from") \
  X(transformation, "a change applied in flight") \
  X(write, "a property a transformation reclassifies") \
  X(identity, "identity-resolution rules") \
  X(match_key, "an identifier profiles are merged on") \
  X(suppression, "identifier values never merged on") \
  X(team, "a team that owns things and reviews changes") \
  X(taxonomy, "PII categories, consent purposes, residency") \
  X(residency_rule, "where a category must stay") \
  X(slo, "a destination's service levels") \
  X(route, "an event delivered to a destination") \
  X(delivered_property, "a property as a destination gets it") \
  X(change_set, "what changed from base to head") \
  X(field_change, "one field that differs") \
  X(event_change, "an event added, removed or modified") \
  X(property_change, "a property's change") \
  X(source_change, "a source's change") \
  X(destination_change, "a destination's change") \
  X(route_change, "a route's change") \
  X(transformation_change, "a transformation's change") \
  X(identity_change, "an identity's change") \
  X(match_key_change, "a match key's change") \
  X(team_change, "a team's change") \
  X(slo_change, "an SLO's change") \
  X(taxonomy_change, "a category or purpose added or removed") \
  X(env, "the inputs of this run")
// clang-format on
