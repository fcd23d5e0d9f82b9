#pragma once

#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "diff/change_set.h"

namespace steward::diff {

// Pairs the entities of base and head by key and emits a change per key that was added,
// removed, or whose compared fields differ. Head order first (what reviewers read in the files),
// then what was removed, in base order. `compare` fills the field list of a pair; `make` builds
// the change record (so derived change types can carry more).
template <class T, class ChangeT>
void diff_keyed(const std::vector<const T*>& base, const std::vector<const T*>& head,
                const std::function<std::string(const T&)>& key,
                const std::function<void(const T&, const T&, std::vector<FieldChange>&)>& compare,
                std::vector<ChangeT>& out) {
  std::unordered_map<std::string, const T*> base_by_key;
  base_by_key.reserve(base.size());
  for (const T* b : base)
    base_by_key.emplace(key(*b), b);
  std::unordered_map<std::string, const T*> head_keys;
  head_keys.reserve(head.size());
  for (const T* h : head) {
    std::string k = key(*h);
    head_keys.emplace(k, h);
    auto it = base_by_key.find(k);
    ChangeT change;
    change.name = k;
    change.head = h;
    if (it == base_by_key.end()) {
      change.kind = ChangeKind::added;
      out.push_back(std::move(change));
      continue;
    }
    change.base = it->second;
    compare(*it->second, *h, change.fields);
    if (!change.fields.empty()) {
      change.kind = ChangeKind::modified;
      out.push_back(std::move(change));
    }
  }
  for (const T* b : base) {
    std::string k = key(*b);
    if (head_keys.count(k)) continue;
    ChangeT change;
    change.kind = ChangeKind::removed;
    change.name = k;
    change.base = b;
    out.push_back(std::move(change));
  }
}

template <class T>
std::vector<const T*> pointers(const std::vector<T>& items) {
  std::vector<const T*> out;
  out.reserve(items.size());
  for (const auto& item : items)
    out.push_back(&item);
  return out;
}

}  // namespace steward::diff
