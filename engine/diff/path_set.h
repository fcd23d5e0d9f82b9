#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "model/model.h"

// Whether the properties of an event have a path each (internal to engine/diff). Duplicate YAML
// keys are reported but kept, and a property's `properties` and its items' properties share
// paths, so a path may be listed twice; the diff then pairs properties by key, not by position.
namespace steward::diff {

class PathSet {
 public:
  // Whether no two of `properties` have one path. Reuses its table from call to call.
  bool unique(const std::vector<const model::Property*>& properties) {
    return unique_by(properties,
                     [](const model::Property* p) -> const std::string& { return p->path; });
  }
  // The same of the properties a route delivers.
  bool unique(const std::vector<model::DeliveredProperty>& delivered) {
    return unique_by(delivered, [](const model::DeliveredProperty& p) -> const std::string& {
      return p.property->path;
    });
  }

 private:
  // Length and the first and last 8 bytes: paths that share a prefix differ at the end. A
  // collision costs a comparison, never a wrong answer.
  static size_t hash(const std::string& s) {
    uint64_t first = 0, last = 0;
    if (s.size() >= 8) {
      std::memcpy(&first, s.data(), 8);
      std::memcpy(&last, s.data() + s.size() - 8, 8);
    } else {
      std::memcpy(&first, s.data(), s.size());
    }
    uint64_t h = (first * 0x9E3779B97F4A7C15ULL) ^ ((last + s.size()) * 0xC2B2AE3D27D4EB4FULL);
    h ^= h >> 32;
    h *= 0xFF51AFD7ED558CCDULL;
    return static_cast<size_t>(h ^ (h >> 29));
  }

  template <class Items, class PathOf>
  bool unique_by(const Items& items, PathOf path_of) {
    if (items.size() < 2) return true;
    size_t size = 8;
    while (size < items.size() * 2)
      size *= 2;
    slots_.assign(size, nullptr);
    for (const auto& item : items) {
      const std::string& path = path_of(item);
      for (size_t i = hash(path) & (size - 1);; i = (i + 1) & (size - 1)) {
        if (!slots_[i]) {
          slots_[i] = &path;
          break;
        }
        if (*slots_[i] == path) return false;
      }
    }
    return true;
  }

  std::vector<const std::string*> slots_;
};

}  // namespace steward::diff
