#include "traffic/sample_generator.h"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "source/input_error.h"
#include "traffic/pattern_sampler.h"
#include "traffic/plan_checks.h"
#include "traffic/seeded_random.h"

namespace steward::traffic {

namespace {

using nlohmann::json;

constexpr const char* kLetters = "abcdefghijklmnopqrstuvwxyz";

bool applies(ReasonKind kind, const model::Model& model, const model::Property& p) {
  const model::Constraints& c = *p.constraints;
  bool typed_string = p.types.size() == 1 && p.types[0] == "string";
  switch (kind) {
    case ReasonKind::missing_required:
      return is_required(model, p);
    case ReasonKind::wrong_type:
      return !p.types.empty();
    case ReasonKind::enum_value:
      return !c.enum_values.empty() &&
             std::find(p.types.begin(), p.types.end(), "string") != p.types.end();
    case ReasonKind::bounds:
      return (c.minimum || c.maximum) ? !p.types.empty() && p.types[0] != "string"
                                      : (c.max_length && typed_string);
    case ReasonKind::pattern:
      return !c.pattern.empty() && typed_string && c.enum_values.empty();
    case ReasonKind::format:
      return typed_string && c.pattern.empty() && c.enum_values.empty() &&
             (c.format == "email" || c.format == "uuid" || c.format == "date-time" ||
              c.format == "date");
    case ReasonKind::consent_missing:
      return !p.consent.empty();
    case ReasonKind::additional_property:
      return !p.additional_properties &&
             std::find(p.types.begin(), p.types.end(), "object") != p.types.end();
    default:
      return false;
  }
}

std::string uuid_of(uint64_t a, uint64_t b) {
  char text[40];
  std::snprintf(text, sizeof text, "%08llx-%04llx-4%03llx-8%03llx-%012llx",
                static_cast<unsigned long long>(a & 0xffffffff),
                static_cast<unsigned long long>((a >> 32) & 0xffff),
                static_cast<unsigned long long>((a >> 48) & 0xfff),
                static_cast<unsigned long long>(b & 0xfff),
                static_cast<unsigned long long>((b >> 12) & 0xffffffffffffULL));
  return text;
}

class Generator {
 public:
  Generator(const model::Model& model, const SampleOptions& options)
      : model_(model), options_(options), random_(options.seed) {
    for (const auto& event : model.events)
      if (event.status != model::EventStatus::removed) events_.push_back(&event);
    users_ = options.users ? options.users : std::max<uint64_t>(1, options.events / 20);
    for (const auto& purpose : model.taxonomy.consent_purposes)
      purposes_.push_back(purpose.name);
    for (const auto& [kind, share] : options.violations)
      cumulative_.push_back({kind, (cumulative_.empty() ? 0 : cumulative_.back().second) + share});
  }

  json next() {
    last_violated_ = false;
    uint64_t user = random_.below(users_);
    if (random_.chance(options_.identify_share)) return identify(user);
    ReasonKind kind = ReasonKind::not_json;
    bool violate = pick_violation(kind);
    const model::Event* event = events_.empty() ? nullptr : events_[random_.below(events_.size())];
    const model::Property* target = nullptr;
    if (violate && event) target = pick_target(kind, event);
    if (violate && !target && kind != ReasonKind::unknown_event &&
        kind != ReasonKind::no_event_name && kind != ReasonKind::not_json) {
      ++skipped_[kind];  // no property of the plan can carry it
      violate = false;
      last_violated_ = false;
    }
    if (violate) ++planted_[kind];
    json out = envelope(user, "track");
    if (violate && kind == ReasonKind::unknown_event) {
      out["event"] = "unplanned_event_" + std::to_string(random_.below(5));
      out["properties"] = json::object();
      return out;
    }
    if (!event || (violate && kind == ReasonKind::no_event_name)) {
      out["properties"] = json::object();
      return out;
    }
    out["event"] = event->name;
    json properties = json::object();
    for (const auto& p : event->properties) {
      if (violate && &p == target) {
        violate_property(kind, p, properties, out);
        continue;
      }
      if (is_required(model_, p) || random_.chance(0.7)) properties[p.name] = value_of(p, 0);
    }
    out["properties"] = std::move(properties);
    return out;
  }

  bool not_json_next() { return last_kind_ == ReasonKind::not_json && last_violated_; }
  const std::map<ReasonKind, uint64_t>& planted() const { return planted_; }
  const std::map<ReasonKind, uint64_t>& skipped() const { return skipped_; }

 private:
  bool pick_violation(ReasonKind& kind) {
    last_violated_ = false;
    double x = random_.unit();
    for (const auto& [k, upto] : cumulative_) {
      if (x < upto) {
        kind = k;
        last_kind_ = k;
        last_violated_ = true;
        return true;
      }
    }
    return false;
  }

  const model::Property* pick_target(ReasonKind kind, const model::Event*& event) {
    // This event, else the next one of the plan that has a property the violation applies to.
    size_t start =
        static_cast<size_t>(std::find(events_.begin(), events_.end(), event) - events_.begin());
    for (size_t i = 0; i < events_.size(); ++i) {
      const model::Event* candidate_event = events_[(start + i) % events_.size()];
      std::vector<const model::Property*> candidates;
      for (const auto& p : candidate_event->properties)
        if (applies(kind, model_, p)) candidates.push_back(&p);
      if (candidates.empty()) continue;
      event = candidate_event;
      return candidates[random_.below(candidates.size())];
    }
    return nullptr;
  }

  json envelope(uint64_t user, const char* type) {
    json out = {{"type", type},
                {"messageId", uuid_of(random_.next(), random_.next())},
                {"timestamp",
                 "2026-11-20T10:" + two(random_.below(60)) + ":" + two(random_.below(60)) + "Z"},
                {"anonymousId", uuid_of(user * 7919 + 1, user)}};
    if (!random_.chance(options_.anonymous_share)) out["userId"] = "u_" + std::to_string(user);
    json preferences = json::object();
    for (const auto& purpose : purposes_)
      preferences[purpose] = true;
    out["context"] = {{"consent", {{"categoryPreferences", preferences}}},
                      {"traits", traits(user)}};
    return out;
  }

  json traits(uint64_t user) {
    char phone[32];
    std::snprintf(
        phone, sizeof phone, "+4479%08llu",
        static_cast<unsigned long long>(user / std::max<uint64_t>(1, options_.household)));
    return {{"email", "user" + std::to_string(user) + "@mail.example"}, {"phone", phone}};
  }

  json identify(uint64_t user) {
    json out = envelope(user, "identify");
    out["userId"] = "u_" + std::to_string(user);
    out["traits"] = out["context"]["traits"];
    out["context"].erase("traits");
    return out;
  }

  static std::string two(uint64_t n) { return (n < 10 ? "0" : "") + std::to_string(n); }

  void violate_property(ReasonKind kind, const model::Property& p, json& properties, json& out) {
    const model::Constraints& c = *p.constraints;
    switch (kind) {
      case ReasonKind::missing_required:
        return;  // left out
      case ReasonKind::wrong_type: {
        bool takes_string = std::find(p.types.begin(), p.types.end(), "string") != p.types.end();
        properties[p.name] = takes_string ? json(json::array({1, 2})) : json("wrong type");
        return;
      }
      case ReasonKind::enum_value:
        properties[p.name] = "not_in_the_plan";
        return;
      case ReasonKind::bounds:
        if (c.minimum)
          properties[p.name] = *c.minimum - 1;
        else if (c.maximum)
          properties[p.name] = *c.maximum + 1;
        else
          properties[p.name] = std::string(static_cast<size_t>(*c.max_length) + 1, 'x');
        return;
      case ReasonKind::pattern:
        properties[p.name] = "does not match!";
        return;
      case ReasonKind::format:
        properties[p.name] = "not-a-" + c.format;
        return;
      case ReasonKind::additional_property: {
        json value = value_of(p, 0);
        value["unplanned_property"] = "x";
        properties[p.name] = std::move(value);
        return;
      }
      case ReasonKind::consent_missing:
        properties[p.name] = value_of(p, 0);
        for (const auto& purpose : p.consent)
          out["context"]["consent"]["categoryPreferences"][purpose.name] = false;
        return;
      default:
        properties[p.name] = value_of(p, 0);
        return;
    }
  }

  json string_value(const model::Property& p) {
    const model::Constraints& c = *p.constraints;
    if (!c.pattern.empty()) {
      if (auto s = sample_matching(c.pattern, random_)) return *s;
    }
    if (c.format == "email")
      return "someone" + std::to_string(random_.below(1000)) + "@mail.example";
    if (c.format == "uuid") return uuid_of(random_.next(), random_.next());
    if (c.format == "date-time") return "2026-11-20T10:00:00Z";
    if (c.format == "date") return "2026-11-20";
    if (c.format == "uri" || c.format == "url")
      return "https://shop.example/p/" + std::to_string(random_.below(1000));
    if (c.format == "ipv4") return "192.0.2." + std::to_string(random_.below(255));
    long long lo = c.min_length.value_or(3),
              hi = std::max(lo, std::min<long long>(c.max_length.value_or(12), lo + 9));
    std::string out;
    for (long long i = random_.between(lo, hi); i > 0; --i)
      out += kLetters[random_.below(26)];
    return out;
  }

  json number_value(const model::Property& p, bool integer) {
    const model::Constraints& c = *p.constraints;
    double lo = c.minimum.value_or(c.exclusive_minimum ? *c.exclusive_minimum + 1 : 0);
    double hi = c.maximum.value_or(c.exclusive_maximum ? *c.exclusive_maximum - 1 : lo + 1000);
    if (hi < lo) hi = lo;
    if (integer)
      return random_.between(static_cast<long long>(std::ceil(lo)),
                             static_cast<long long>(std::floor(hi)));
    return std::round((lo + random_.unit() * (hi - lo)) * 100) / 100;
  }

  json enum_value(const model::Property& p) {
    std::vector<size_t> choices;
    const auto& values = p.constraints->enum_values;
    const auto& types = p.constraints->value_types;
    for (size_t i = 0; i < values.size(); ++i)
      if (values[i] != "null" && values[i] != "~" && !values[i].empty()) choices.push_back(i);
    if (choices.empty()) return nullptr;
    size_t i = choices[random_.below(choices.size())];
    std::string type = i < types.size() ? types[i] : "";
    bool numeric =
        type == "integer" || type == "number" ||
        (type.empty() && std::find(p.types.begin(), p.types.end(), "string") == p.types.end() &&
         !values[i].empty() &&
         (std::isdigit(static_cast<unsigned char>(values[i][0])) || values[i][0] == '-'));
    if (numeric) return json::parse(values[i], nullptr, false);
    if (values[i] == "true" || values[i] == "false")
      if (std::find(p.types.begin(), p.types.end(), "boolean") != p.types.end())
        return values[i] == "true";
    return values[i];
  }

  json value_of(const model::Property& p, int depth) {
    if (p.constraints->const_value) return *p.constraints->const_value;
    if (!p.constraints->enum_values.empty()) return enum_value(p);
    std::string type = "string";
    for (const auto& t : p.types)
      if (t != "null") {
        type = t;
        break;
      }
    if (type == "string") return string_value(p);
    if (type == "integer") return number_value(p, true);
    if (type == "number") return number_value(p, false);
    if (type == "boolean") return random_.chance(0.5);
    if (type == "object") {
      json out = json::object();
      if (depth < 8)
        for (const auto& child : p.properties)
          if (is_required(model_, child) || random_.chance(0.7))
            out[child.name] = value_of(child, depth + 1);
      return out;
    }
    if (type == "array") {
      json out = json::array();
      long long lo = p.constraints->min_items.value_or(1);
      long long hi =
          std::max(lo, std::min<long long>(p.constraints->max_items.value_or(3), lo + 2));
      for (long long i = random_.between(lo, hi); i > 0 && depth < 8; --i)
        out.push_back(p.items.empty() ? json("item") : value_of(p.items.front(), depth + 1));
      return out;
    }
    return nullptr;
  }

  const model::Model& model_;
  const SampleOptions& options_;
  SeededRandom random_;
  std::vector<const model::Event*> events_;
  std::vector<std::string> purposes_;
  std::vector<std::pair<ReasonKind, double>> cumulative_;
  uint64_t users_ = 1;
  ReasonKind last_kind_ = ReasonKind::not_json;
  bool last_violated_ = false;
  std::map<ReasonKind, uint64_t> planted_, skipped_;
};

}  // namespace

ReasonKind violation_kind(const std::string& name) {
  for (int k = 0; k < kReasonKinds; ++k) {
    auto kind = static_cast<ReasonKind>(k);
    if (to_string(kind) == name && kind != ReasonKind::line_too_long &&
        kind != ReasonKind::too_deep && kind != ReasonKind::unreadable)
      return kind;
  }
  throw InputError("unknown violation kind '" + name + "'",
                   "use one of unknown-event, missing-required, wrong-type, enum, bounds, pattern, "
                   "format, additional-property, consent-missing, not-json, no-event-name");
}

SampleCounts generate_sample(const model::Model& model, const SampleOptions& options,
                             std::ostream& out) {
  double total = 0;
  for (const auto& [kind, share] : options.violations) {
    if (share < 0 || share > 1)
      throw InputError("a violation share must be from 0 to 1", "write e.g. wrong-type=0.02");
    total += share;
  }
  if (total > 1) throw InputError("the violation shares add up to more than 1", "lower them");
  Generator generator(model, options);
  for (uint64_t i = 0; i < options.events; ++i) {
    json event = generator.next();
    if (generator.not_json_next()) {
      std::string text = event.dump();
      out << text.substr(0, text.size() / 2) << '\n';  // a line cut in the middle
      continue;
    }
    out << event.dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
  }
  return {generator.planted(), generator.skipped()};
}

}  // namespace steward::traffic
