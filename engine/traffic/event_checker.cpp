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

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
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
  std::string properties_path;  // "$.properties" or "$.data"
  std::optional<object> context;
  std::optional<object> traits;  // identify: traits; others: context.traits
  std::vector<std::string> granted;

  simdjson::dom::parser empty_parser;
  object empty;  // the properties of an event that sends none

  Impl() {
    // Both can fail only when out of memory, which the first parse then reports.
    [[maybe_unused]] auto allocated = parser.allocate(64 << 10, kMaxDepth);
    [[maybe_unused]] auto parsed = empty_parser.parse(std::string_view("{}")).get(empty);
  }

  void read_consent() {
    granted.clear();
    if (!context) return;
    if (auto consent = object_at(*context, "consent")) {
      if (auto preferences = object_at(*consent, "categoryPreferences")) {
        for (auto field : *preferences) {
          bool on = false;
          if (field.value.get(on) == simdjson::SUCCESS && on) granted.push_back(lower(field.key));
        }
      }
    }
    if (auto management = object_at(*context, "consentManagement")) {
      simdjson::dom::array allowed;
      if ((*management)["allowedConsentIds"].get(allowed) == simdjson::SUCCESS) {
        for (element id : allowed) {
          std::string_view text;
          if (id.get(text) == simdjson::SUCCESS) granted.push_back(lower(text));
        }
      }
    }
  }

  // Takes `value` as the event's properties: an object, or absent/null (no properties).
  void take_properties(simdjson::simdjson_result<element> value) {
    element found;
    if (value.get(found) != simdjson::SUCCESS || found.is_null()) return;
    object obj;
    if (found.get(obj) == simdjson::SUCCESS) {
      properties = obj;
      properties_value = found;
    } else {
      properties_not_object = true;
    }
  }

  // A Snowplow self-describing event: {"schema": "iglu:vendor/name/format/version", "data": {}},
  // also wrapped in an unstruct_event envelope.
  bool read_self_describing(std::string_view schema, Reason& problem) {
    properties_path = "$.data";
    simdjson::simdjson_result<element> data = root["data"];
    if (schema.starts_with(kUnstructEvent)) {
      object outer;
      if (data.get(outer) == simdjson::SUCCESS) {
        schema = string_at(outer, "schema").value_or("");
        properties_path = "$.data.data";
        data = outer["data"];
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

  bool read(Reason& problem) {
    name.clear();
    iglu_key.clear();
    properties.reset();
    properties_value.reset();
    properties_not_object = false;
    context.reset();
    traits.reset();
    context = object_at(root, "context");
    if (auto schema = string_at(root, "schema"); schema && schema->starts_with("iglu:")) {
      if (!read_self_describing(*schema, problem)) return false;
      read_consent();
      return true;
    }
    auto type = string_at(root, "type");
    auto event = string_at(root, "event");
    if (type) {
      auto known = call_type(*type);
      if (!known) {
        problem = {ReasonKind::no_event_name, "$.type",
                   "track, identify, page, screen, group or alias",
                   detail::describe(root["type"].value_unsafe()), nullptr};
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
        problem = {
            ReasonKind::no_event_name, "$.event", "the event's name",
            root["event"].error() ? "nothing" : detail::describe(root["event"].value_unsafe()),
            nullptr};
        return false;
      }
      name = std::string(*event);
    } else if (call == CallType::page || call == CallType::screen) {
      name = std::string(string_at(root, "name").value_or(""));
    }
    properties_path = "$.properties";
    take_properties(root["properties"]);
    traits = call == CallType::identify ? object_at(root, "traits")
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
  auto error = impl_->parser.parse(line.text.data(), line.text.size(), true).get(root);
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
  const EventCheck* check = nullptr;
  if (in.call == CallType::self_describing) {
    check = plan.find_iglu(in.iglu_key);
    if (!check) check = plan.find(in.name);
  } else {
    check = plan.find(in.name);
  }
  detail::ReasonSink sink{&verdict.reasons, &verdict.reasons_dropped, kMaxReasonsPerEvent};
  if (!check) {
    bool iglu = in.call == CallType::self_describing;
    sink.add(ReasonKind::unknown_event, iglu ? "$.schema" : "$.event", "an event of the plan",
             iglu ? in.iglu_key : in.name, nullptr);
    return verdict;
  }
  verdict.event = check->event;
  if (in.properties_not_object) {
    sink.add(ReasonKind::wrong_type, in.properties_path, "object", "not an object",
             &check->event->span);
    return verdict;
  }
  std::string path = in.properties_path;
  if (in.properties) {
    detail::validate_object(*in.properties, check->root, &check->event->span, path, in.granted,
                            sink);
  } else {
    // No properties at all: every required one is missing.
    detail::validate_object(in.empty, check->root, &check->event->span, path, in.granted, sink);
  }
  return verdict;
}

CallType EventChecker::call() const {
  return impl_->call;
}
const std::string& EventChecker::name() const {
  return impl_->name;
}

bool EventChecker::granted(std::string_view purpose) const {
  const auto& granted = impl_->granted;
  return std::find(granted.begin(), granted.end(), purpose) != granted.end();
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
