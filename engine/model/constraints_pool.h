#pragma once

#include <unordered_set>

#include "model/model.h"

// One copy of each distinct set of constraints in a model: a generated or hand-written tracking
// plan repeats a few (`minimum: 0`, `max_length: 32`, an enum of currencies) across thousands of
// events, and each property holding its own copy made constraints the largest part of a model.
namespace steward::model {

class ConstraintsPool {
 public:
  // Makes `constraints` share the pool's identical value, or adds it to the pool.
  void intern(SharedValue<Constraints>& constraints);
  // The constraints of `property`, of its nested properties and of its items.
  void intern(Property& property);
  // The constraints of every property of `event`.
  void intern(Event& event);

  size_t size() const { return values_.size(); }

 private:
  struct Hash {
    size_t operator()(const SharedValue<Constraints>& value) const;
  };
  struct Identical {
    bool operator()(const SharedValue<Constraints>& a, const SharedValue<Constraints>& b) const;
  };
  std::unordered_set<SharedValue<Constraints>, Hash, Identical> values_;
};

}  // namespace steward::model
