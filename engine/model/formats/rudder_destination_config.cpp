// A rudder-cli destination's `config:` as far as it decides what the destination receives: its
// event filter, its connection mode per platform, its consent management, and the credentials
// written in it. The other keys depend on the destination's type and are not read.
#include <algorithm>

#include "model/credentials.h"
#include "model/formats/rudder_specs.h"
#include "source/rule_ids.h"

namespace steward::model::formats {

namespace {

const std::vector<std::string> kModes = {"cloud", "device", "hybrid"};

// A consent entry: `analytics` (rudder-cli) or `{consent: analytics}` (the API's shape).
std::optional<Ref> consent_entry(const config::Node& item, Diagnostics& diagnostics) {
  if (item.is_mapping()) {
    YamlFieldReader reader(item, "consent", {"consent"}, diagnostics);
    return reader.ref("consent", true);
  }
  return scalar_ref(item, "consent", diagnostics);
}

void read_provider(std::string_view platform, const config::Node& item,
                   RudderDestination& destination, Diagnostics& diagnostics) {
  YamlFieldReader reader(item, "consent provider",
                         {"provider", "resolution_strategy", "resolutionStrategy", "consents"},
                         diagnostics);
  if (!reader.is_mapping()) return;
  ConsentProvider provider;
  provider.platform = platform;
  provider.span = item.span;
  provider.provider =
      reader.choice("provider", {"custom", "iubenda", "ketch", "oneTrust"}).value_or("");
  const char* strategy_key =
      reader.get("resolutionStrategy") ? "resolutionStrategy" : "resolution_strategy";
  provider.resolution_strategy = reader.choice(strategy_key, {"and", "or"}).value_or("");
  if (const config::Node* consents = reader.sequence("consents")) {
    for (const auto& entry : consents->items) {
      auto consent = consent_entry(entry, diagnostics);
      if (!consent || consent->name.empty()) continue;
      provider.purposes.push_back(*consent);
      bool known = std::any_of(destination.consent.begin(), destination.consent.end(),
                               [&](const Ref& r) { return r.name == consent->name; });
      if (!known) destination.consent.push_back(*consent);
    }
  }
  destination.consent_providers.push_back(std::move(provider));
}

// `consent_management: {PLATFORM: [{provider, resolution_strategy, consents}]}`; the API's
// `consentManagement` has the same shape in camelCase.
void read_consent(const config::Node& config, RudderDestination& destination,
                  Diagnostics& diagnostics) {
  const config::Node* management = config.find("consent_management");
  if (!management) management = config.find("consentManagement");
  if (!management || management->is_null()) return;
  if (!management->is_mapping()) {
    report(diagnostics, rule_id::kSchemaWrongType, management->span,
           "consent_management must be a mapping of platforms, not a " +
               std::string(management->type_name()));
    return;
  }
  for (const auto& per_platform : management->entries) {
    if (!per_platform.value.is_sequence()) {
      report(diagnostics, rule_id::kSchemaWrongType, per_platform.value.span,
             "consent_management." + std::string(per_platform.key.text) +
                 " must be a list of providers");
      continue;
    }
    for (const auto& item : per_platform.value.items)
      read_provider(per_platform.key.text, item, destination, diagnostics);
  }
}

// An event list: names (rudder-cli) or `{eventName: X}` entries (the API's shape); blank names,
// which the API writes for an empty list, are skipped.
std::vector<Ref> event_names(const config::Node& list, Diagnostics& diagnostics) {
  std::vector<Ref> out;
  if (!list.is_sequence()) {
    report(diagnostics, rule_id::kSchemaWrongType, list.span,
           "an event filter must be a list of event names, not a " + std::string(list.type_name()));
    return out;
  }
  for (const auto& item : list.items) {
    std::optional<Ref> name;
    if (item.is_mapping()) {
      YamlFieldReader reader(item, "filtered event", {"eventName", "event_name"}, diagnostics);
      name = reader.ref(reader.get("eventName") ? "eventName" : "event_name", true);
    } else {
      name = scalar_ref(item, "event name", diagnostics);
    }
    if (name && !name->name.empty()) out.push_back(*name);
  }
  return out;
}

struct FilterList {
  std::string kind;  // allow | deny
  const config::MapEntry* entry = nullptr;
};

// The filter lists a config writes, in each spelling: `event_filtering_whitelist` and
// `_blacklist`, `event_filtering: {whitelist | blacklist}`, and the API's `eventFilteringOption`
// with `whitelistedEvents` / `blacklistedEvents` (only the list the option selects applies).
std::vector<FilterList> filter_lists(const config::Node& config, Diagnostics& diagnostics) {
  std::vector<FilterList> lists;
  auto add = [&](const config::Node& holder, std::string_view key, const char* kind) {
    if (const config::MapEntry* entry = holder.find_entry(key)) lists.push_back({kind, entry});
  };
  add(config, "event_filtering_whitelist", "allow");
  add(config, "event_filtering_blacklist", "deny");
  if (const config::Node* nested = config.find("event_filtering"); nested && !nested->is_null()) {
    // Reports unknown keys and a value that is no mapping.
    YamlFieldReader reader(*nested, "event_filtering", {"whitelist", "blacklist"}, diagnostics);
    add(*nested, "whitelist", "allow");
    add(*nested, "blacklist", "deny");
  }
  if (const config::Node* option = config.find("eventFilteringOption")) {
    const std::string_view chosen = option->is_scalar() ? option->text : std::string_view();
    if (chosen == "whitelistedEvents") add(config, "whitelistedEvents", "allow");
    if (chosen == "blacklistedEvents") add(config, "blacklistedEvents", "deny");
    if (chosen != "whitelistedEvents" && chosen != "blacklistedEvents" && chosen != "disable") {
      report(diagnostics, rule_id::kSchemaInvalidValue, option->span,
             "eventFilteringOption must be disable, whitelistedEvents or blacklistedEvents (a "
             "per-platform option is not read)");
    }
  }
  return lists;
}

void read_event_filter(const config::Node& config, RudderDestination& destination,
                       Diagnostics& diagnostics) {
  auto lists = filter_lists(config, diagnostics);
  if (lists.empty()) return;
  for (size_t i = 1; i < lists.size(); ++i) {
    report(diagnostics, rule_id::kSchemaInvalidValue, lists[i].entry->key.span,
           "a destination has one event filter: '" + std::string(lists[i].entry->key.text) +
               "' conflicts with '" + std::string(lists[0].entry->key.text) + "'",
           "keep either the allow list or the deny list");
  }
  destination.event_filter = lists[0].kind;
  destination.event_filter_span = lists[0].entry->key.span;
  destination.filtered_events = event_names(lists[0].entry->value, diagnostics);
}

void set_mode(RudderDestination& destination, std::string platform, std::string mode,
              const Span& span) {
  for (auto& existing : destination.connection_modes) {
    if (existing.platform == platform) return;  // connection_mode, read first, wins
  }
  destination.connection_modes.push_back({std::move(platform), std::move(mode), span});
}

// A connection mode as written: one of kModes, else schema.invalid-value.
std::optional<std::string> mode_of(const config::Node& value, const std::string& where,
                                   Diagnostics& diagnostics) {
  if (value.is_scalar() && std::find(kModes.begin(), kModes.end(), value.text) != kModes.end()) {
    return std::string(value.text);
  }
  report(diagnostics, rule_id::kSchemaInvalidValue, value.span,
         where + " must be cloud, device or hybrid, not '" + std::string(value.text) + "'");
  return std::nullopt;
}

// `connection_mode: {PLATFORM: cloud | device | hybrid}` (API: `connectionMode`, also a single
// mode for every platform), then `use_native_sdk: {PLATFORM: true}` (API: `useNativeSDK`), the
// older spelling of device mode, for the platforms connection_mode does not name.
void read_connection_modes(const config::Node& config, RudderDestination& destination,
                           Diagnostics& diagnostics) {
  for (const char* key : {"connection_mode", "connectionMode"}) {
    const config::Node* modes = config.find(key);
    if (!modes || modes->is_null()) continue;
    if (modes->is_scalar()) {
      if (auto mode = mode_of(*modes, key, diagnostics))
        set_mode(destination, "*", *mode, modes->span);
      continue;
    }
    if (!modes->is_mapping()) {
      report(diagnostics, rule_id::kSchemaWrongType, modes->span,
             std::string(key) + " must be a mapping of platforms, not a " +
                 std::string(modes->type_name()));
      continue;
    }
    for (const auto& entry : modes->entries) {
      if (auto mode = mode_of(entry.value, std::string(key) + "." + std::string(entry.key.text),
                              diagnostics))
        set_mode(destination, std::string(entry.key.text), *mode, entry.value.span);
    }
  }
  for (const char* key : {"use_native_sdk", "useNativeSDK"}) {
    const config::Node* native = config.find(key);
    if (!native || native->is_null()) continue;
    if (native->is_scalar()) {
      if (native->as_bool().value_or(false)) set_mode(destination, "*", "device", native->span);
      continue;
    }
    for (const auto& entry : native->entries) {
      if (entry.value.as_bool().value_or(false))
        set_mode(destination, std::string(entry.key.text), "device", entry.value.span);
    }
  }
}

}  // namespace

void read_destination_config(const config::Node& config, RudderDestination& destination,
                             Diagnostics& diagnostics) {
  read_consent(config, destination, diagnostics);
  read_event_filter(config, destination, diagnostics);
  read_connection_modes(config, destination, diagnostics);
  find_literal_credentials(config, "config", destination.literal_credentials);
}

}  // namespace steward::model::formats
