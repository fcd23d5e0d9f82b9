#pragma once

#include <string>
#include <unordered_set>

#include "model/model.h"

// One copy of each distinct set of constraints, and of each PII category, in a model: a generated
// or hand-written tracking plan repeats a few (`minimum: 0`, `max_length: 32`, an enum of
// currencies; `pii: none`) across thousands of events, and each property holding its own copy
// made constraints the largest part of a model.
namespace steward::model {

class PropertyValuePool {
 public:
  // Makes `constraints` share the pool's identical value, or adds it to the pool.
  void intern(SharedValue<Constraints>& constraints);
  // Makes a category share the pool's equal text, or adds it to the pool.
  void intern_category(SharedValue<std::string>& category);
  // The constraints and category of `property`, of its nested properties and of its items.
  void intern(Property& property);
  // Those of every property of `event`.
  void intern(Event& event);

  size_t size() const { return values_.size(); }
  size_t categories() const { return categories_.size(); }

 private:
  struct Hash {
    size_t operator()(const SharedValue<Constraints>& value) const;
  };
  struct Identical {
    bool operator()(const SharedValue<Constraints>& a, const SharedValue<Constraints>& b) const;
  };
  std::unordered_set<SharedValue<Constraints>, Hash, Identical> values_;
  struct TextHash {
    size_t operator()(const SharedValue<std::string>& text) const;
  };
  std::unordered_set<SharedValue<std::string>, TextHash> categories_;  // equal by their text
};

}  // namespace steward::model
