// One line of a sample as an event: the envelope of the Segment/RudderStack spec or of a
// Snowplow self-describing event, its consent, its identifiers, and its check against a plan.
#include "traffic/event_checker.h"

#include <algorithm>
#include <cctype>

#include "traffic/json_event.h"

namespace steward::traffic {

namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;
using simdjson::dom::object;

constexpr std::string_view kUnstructEvent = "iglu:com.snowplowanalytics.snowplow/unstruct_event/";

std::optional<object> object_at(object parent, std::string_view key) {
  object out;
  if (parent[key].get(out) != simdjson::SUCCESS) return std::nullopt;
  return out;
}

std::optional<std::string_view> string_at(object parent, std::string_view key) {
  std::string_view out;
  if (parent[key].get(out) != simdjson::SUCCESS) return std::nullopt;
  return out;
}

std::optional<CallType> call_type(std::string_view type) {
  if (type == "track") return CallType::track;
  if (type == "identify") return CallType::identify;
  if (type == "page") return CallType::page;
  if (type == "screen") return CallType::screen;
  if (type == "group") return CallType::group;
  if (type == "alias") return CallType::alias;
  return std::nullopt;
}

}  // namespace

std::string_view to_string(CallType type) {
  switch (type) {
    case CallType::track:
      return "track";
    case CallType::identify:
      return "identify";
    case CallType::page:
      return "page";
    case CallType::screen:
      return "screen";
    case CallType::group:
      return "group";
    case CallType::alias:
      return "alias";
    case CallType::self_describing:
      return "self-describing";
  }
  return "track";
}

struct EventChecker::Impl {
  simdjson::dom::parser parser{kMaxLineBytes + 64};
  object root;
  CallType call = CallType::track;
  std::string name;
  std::string iglu_key;  // vendor/name/format of a self-describing event
  std::optional<object> properties;
  std::optional<element> properties_value;
  bool properties_not_object = false;
  std::string_view properties_path;  // "$.properties", "$.data" or "$.data.data"
  std::optional<object> context;
  std::optional<object> traits;      // identify: traits; others: context.traits
  std::vector<std::string> granted;  // the first granted_count are this event's
  size_t granted_count = 0;
  // Scratch of check(), kept to reuse their memory: the granted purposes by the plan's indexes,
  // and the path of the walk.
  std::vector<char> granted_ids;
  detail::JsonPath path;
  // The plan's event of the parsed one, once looked up (prefetch() then check()).
  const PlanChecks* found_in = nullptr;
  const EventCheck* found = nullptr;

  simdjson::dom::parser empty_parser;
  object empty;  // the properties of an event that sends none

  Impl() {
    // Both can fail only when out of memory, which the first parse then reports.
    [[maybe_unused]] auto allocated = parser.allocate(64 << 10, kMaxDepth);
    [[maybe_unused]] auto parsed = empty_parser.parse(std::string_view("{}")).get(empty);
  }

  // Adds `purpose` to `granted` in lower case, reusing the strings of the previous event.
  void grant(std::string_view purpose) {
    if (granted_count == granted.size()) granted.emplace_back();
    std::string& out = granted[granted_count++];
    out.assign(purpose);
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }

  void read_consent() {
    granted_count = 0;
    if (!context) return;
    if (auto consent = object_at(*context, "consent")) {
      if (auto preferences = object_at(*consent, "categoryPreferences")) {
        for (auto field : *preferences) {
          bool on = false;
          if (field.value.get(on) == simdjson::SUCCESS && on) grant(field.key);
        }
      }
    }
    if (auto management = object_at(*context, "consentManagement")) {
      simdjson::dom::array allowed;
      if ((*management)["allowedConsentIds"].get(allowed) == simdjson::SUCCESS) {
        for (element id : allowed) {
          std::string_view text;
          if (id.get(text) == simdjson::SUCCESS) grant(text);
        }
      }
    }
  }

  // The members of the envelope, found in one pass over the root (the first of duplicates).
  struct Envelope {
    std::optional<element> context, schema, type, event, name, properties, traits, data;
    void read(object root) {
      for (auto field : root) {
        std::optional<element>* slot = slot_of(field.key);
        if (slot && !*slot) *slot = field.value;
      }
    }
    std::optional<element>* slot_of(std::string_view key) {
      // By length first: one comparison per member instead of eight.
      switch (key.size()) {
        case 4:
          return key == "type" ? &type : key == "name" ? &name : key == "data" ? &data : nullptr;
        case 5:
          return key == "event" ? &event : nullptr;
        case 6:
          return key == "schema" ? &schema : key == "traits" ? &traits : nullptr;
        case 7:
          return key == "context" ? &context : nullptr;
        case 10:
          return key == "properties" ? &properties : nullptr;
        default:
          return nullptr;
      }
    }
  };

  static std::optional<std::string_view> as_string(const std::optional<element>& value) {
    std::string_view out;
    if (!value || value->get(out) != simdjson::SUCCESS) return std::nullopt;
    return out;
  }
  static std::optional<object> as_object(const std::optional<element>& value) {
    object out;
    if (!value || value->get(out) != simdjson::SUCCESS) return std::nullopt;
    return out;
  }

  // Takes `value` as the event's properties: an object, or absent/null (no properties).
  void take_properties(const std::optional<element>& value) {
    if (!value || value->is_null()) return;
    object obj;
    if (value->get(obj) == simdjson::SUCCESS) {
      properties = obj;
      properties_value = *value;
    } else {
      properties_not_object = true;
    }
  }

  // A Snowplow self-describing event: {"schema": "iglu:vendor/name/format/version", "data": {}},
  // also wrapped in an unstruct_event envelope.
  bool read_self_describing(std::string_view schema, std::optional<element> data, Reason& problem) {
    properties_path = "$.data";
    if (schema.starts_with(kUnstructEvent)) {
      if (auto outer = as_object(data)) {
        schema = string_at(*outer, "schema").value_or("");
        properties_path = "$.data.data";
        element inner;
        data.reset();
        if ((*outer)["data"].get(inner) == simdjson::SUCCESS) data = inner;
      }
    }
    call = CallType::self_describing;
    std::string_view uri = schema.substr(schema.starts_with("iglu:") ? 5 : 0);
    size_t last = uri.rfind('/');
    iglu_key = std::string(last == std::string_view::npos ? uri : uri.substr(0, last));
    size_t first = iglu_key.find('/');
    size_t second = first == std::string::npos ? std::string::npos : iglu_key.find('/', first + 1);
    if (first == std::string::npos || second == std::string::npos) {
      problem = {ReasonKind::no_event_name, "$.schema", "iglu:vendor/name/format/version",
                 std::string(schema.substr(0, 64)), nullptr};
      return false;
    }
    name = iglu_key.substr(first + 1, second - first - 1);
    take_properties(data);
    return true;
  }

  // The call's kind and name from `type` and `event`; false (and `problem`) when there is none.
  bool read_call(const Envelope& fields, Reason& problem) {
    auto type = as_string(fields.type);
    auto event = as_string(fields.event);
    if (type) {
      auto known = call_type(*type);
      if (!known) {
        problem = {ReasonKind::no_event_name, "$.type",
                   "track, identify, page, screen, group or alias", detail::describe(*fields.type),
                   nullptr};
        return false;
      }
      call = *known;
    } else if (event) {
      call = CallType::track;
    } else {
      problem = {ReasonKind::no_event_name, "$",
                 "a Segment/RudderStack `type` or `event`, or a Snowplow `schema`", "neither",
                 nullptr};
      return false;
    }
    if (call == CallType::track) {
      if (!event || event->empty()) {
        problem = {ReasonKind::no_event_name, "$.event", "the event's name",
                   fields.event ? detail::describe(*fields.event) : "nothing", nullptr};
        return false;
      }
      name.assign(*event);
    } else if (call == CallType::page || call == CallType::screen) {
      name.assign(as_string(fields.name).value_or(""));
    }
    return true;
  }

  bool read(Reason& problem) {
    name.clear();
    iglu_key.clear();
    properties.reset();
    properties_value.reset();
    properties_not_object = false;
    traits.reset();
    Envelope fields;
    fields.read(root);
    context = as_object(fields.context);
    if (auto schema = as_string(fields.schema); schema && schema->starts_with("iglu:")) {
      if (!read_self_describing(*schema, fields.data, problem)) return false;
      read_consent();
      return true;
    }
    if (!read_call(fields, problem)) return false;
    properties_path = "$.properties";
    take_properties(fields.properties);
    traits = call == CallType::identify ? as_object(fields.traits)
             : context                  ? object_at(*context, "traits")
                                        : std::nullopt;
    read_consent();
    return true;
  }
};

EventChecker::EventChecker() : impl_(std::make_unique<Impl>()) {}
EventChecker::~EventChecker() = default;

bool EventChecker::parse(const SampleLine& line, Reason& problem) {
  problem = Reason{};
  impl_->found_in = nullptr;
  if (line.problem == SampleLine::Problem::too_long) {
    problem = {ReasonKind::line_too_long, "$",
               "at most " + std::to_string(kMaxLineBytes >> 20) + " MiB per line", line.detail,
               nullptr};
    return false;
  }
  if (line.problem == SampleLine::Problem::unreadable) {
    problem = {ReasonKind::unreadable, "$", "a complete file", line.detail, nullptr};
    return false;
  }
  element root;
  // The line is parsed where it is: its batch pads it (kLinePadding).
  static_assert(kLinePadding >= simdjson::SIMDJSON_PADDING);
  auto error = impl_->parser.parse(line.text.data(), line.text.size(), false).get(root);
  if (error == simdjson::DEPTH_ERROR) {
    problem = {ReasonKind::too_deep, "$",
               "at most " + std::to_string(kMaxDepth) + " levels of nesting", "deeper", nullptr};
    return false;
  }
  if (error) {
    problem = {ReasonKind::not_json, "$", "a JSON object", simdjson::error_message(error), nullptr};
    return false;
  }
  if (root.get(impl_->root) != simdjson::SUCCESS) {
    problem = {ReasonKind::not_json, "$", "a JSON object", detail::describe(root), nullptr};
    return false;
  }
  return impl_->read(problem);
}

EventVerdict EventChecker::check(const PlanChecks& plan) const {
  const Impl& in = *impl_;
  EventVerdict verdict;
  verdict.name = in.name;
  verdict.call = in.call;
  if (in.call != CallType::track && in.call != CallType::self_describing) return verdict;
  verdict.checked = true;
  const EventCheck* check = find(plan);
  detail::ReasonSink sink{&verdict.reasons, &verdict.reasons_dropped, kMaxReasonsPerEvent};
  if (!check) {
    bool iglu = in.call == CallType::self_describing;
    sink.add(ReasonKind::unknown_event, iglu ? "$.schema" : "$.event", "an event of the plan",
             iglu ? in.iglu_key : in.name, nullptr);
    return verdict;
  }
  verdict.event = check->event;
  verdict.check = check;
  // A track call is found by its name; a self-describing event may be found by its schema.
  verdict.named_as_event = in.call == CallType::track || check->event->name == in.name;
  if (in.properties_not_object) {
    sink.add(ReasonKind::wrong_type, std::string(in.properties_path), "object", "not an object",
             &check->event->span);
    return verdict;
  }
  // The event's consent by the plan's purpose indexes: one look-up per granted purpose here, one
  // index per consent a property asks for in the walk.
  std::vector<char>& granted = impl_->granted_ids;
  granted.assign(plan.purposes().size(), 0);
  for (size_t i = 0; i < in.granted_count; ++i) {
    const std::string& purpose = in.granted[i];
    uint32_t id = plan.purpose_id(purpose);
    if (id != NameIndex::kAbsent) granted[id] = 1;
  }
  detail::JsonPath& path = impl_->path;
  path.reset(in.properties_path);
  detail::Walk walk{*check, path, granted, sink};
  // No properties at all: every required one is missing.
  detail::validate_object(in.properties ? *in.properties : in.empty, check->nodes[0], walk);
  return verdict;
}

const EventCheck* EventChecker::find(const PlanChecks& plan) const {
  Impl& in = *impl_;
  if (in.found_in == &plan) return in.found;
  const EventCheck* check = nullptr;
  if (in.call == CallType::self_describing) {
    check = plan.find_iglu(in.iglu_key);
    if (!check) check = plan.find(in.name);
  } else if (in.call == CallType::track) {
    check = plan.find(in.name);
  }
  in.found_in = &plan;
  in.found = check;
  return check;
}

void EventChecker::prefetch(const PlanChecks& plan) const {
  if (const EventCheck* check = find(plan)) check->prefetch();
}

CallType EventChecker::call() const {
  return impl_->call;
}
const std::string& EventChecker::name() const {
  return impl_->name;
}

bool EventChecker::granted(std::string_view purpose) const {
  const auto& granted = impl_->granted;
  auto end = granted.begin() + static_cast<std::ptrdiff_t>(impl_->granted_count);
  return std::find(granted.begin(), end, purpose) != end;
}

namespace {

// Whether `dotted` ("items.sku") exists below `value`; arrays add no segment: any element will do.
bool present(element value, std::string_view dotted) {
  if (dotted.empty()) return true;
  simdjson::dom::array array;
  if (value.get(array) == simdjson::SUCCESS) {
    for (element item : array)
      if (present(item, dotted)) return true;
    return false;
  }
  object obj;
  if (value.get(obj) != simdjson::SUCCESS) return false;
  size_t dot = dotted.find('.');
  std::string_view head = dotted.substr(0, dot);
  element child;
  if (obj[head].get(child) != simdjson::SUCCESS || child.is_null()) return false;
  return dot == std::string_view::npos || present(child, dotted.substr(dot + 1));
}

std::optional<std::string> scalar_text(element value) {
  std::string_view text;
  if (value.get(text) == simdjson::SUCCESS) return std::string(text);
  switch (value.type()) {
    case element_type::INT64:
    case element_type::UINT64:
    case element_type::DOUBLE:
      return simdjson::minify(value);
    default:
      return std::nullopt;
  }
}

}  // namespace

bool EventChecker::has_property(std::string_view dotted_path) const {
  if (!impl_->properties_value) return false;
  return present(*impl_->properties_value, dotted_path);
}

std::optional<std::string> EventChecker::identifier(std::string_view from) const {
  const Impl& in = *impl_;
  auto top = [&](std::string_view key) -> std::optional<std::string> {
    element value;
    if (in.root[key].get(value) != simdjson::SUCCESS) return std::nullopt;
    return scalar_text(value);
  };
  if (from == "userId" || from == "anonymousId" || from == "previousId" || from == "groupId")
    return top(from);
  size_t dot = from.find('.');
  if (dot == std::string_view::npos) return std::nullopt;
  std::string_view scope = from.substr(0, dot), key = from.substr(dot + 1);
  std::optional<object> where;
  if (scope == "traits")
    where = in.traits;
  else if (scope == "properties")
    where = in.properties;
  else if (scope == "context")
    where = in.context;
  if (!where) return std::nullopt;
  element value;
  if ((*where)[key].get(value) != simdjson::SUCCESS) return std::nullopt;
  return scalar_text(value);
}

}  // namespace steward::traffic
