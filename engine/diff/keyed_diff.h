#pragma once

#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "diff/change_set.h"

namespace steward::diff {

// Pairs the entities of base and head by key and emits a change per key that was added,
// removed, or whose compared fields differ. Head order first (what reviewers read in the files),
// then what was removed, in base order. `key` gives an entity's key as a string the entity holds
// (the maps hold views of it, not copies); `compare` fills the field list of a pair (cheaply when
// nothing differs: it runs for every pair); ChangeT is the change record (derived change types
// carry more).
template <class T, class ChangeT, class Key, class Compare>
void diff_keyed(const std::vector<const T*>& base, const std::vector<const T*>& head, Key key,
                Compare compare, std::vector<ChangeT>& out) {
  static_assert(std::is_lvalue_reference_v<std::invoke_result_t<Key, const T&>>,
                "the key must be a string the entity holds, returned by reference");
  std::unordered_map<std::string_view, const T*> base_by_key;
  base_by_key.reserve(base.size());
  for (const T* b : base)
    base_by_key.emplace(key(*b), b);  // the first of a key wins
  std::unordered_set<std::string_view> head_keys;
  head_keys.reserve(head.size());
  for (const T* h : head) {
    std::string_view k = key(*h);
    head_keys.insert(k);
    auto it = base_by_key.find(k);
    if (it == base_by_key.end()) {
      ChangeT change;
      change.kind = ChangeKind::added;
      change.name = std::string(k);
      change.head = h;
      out.push_back(std::move(change));
      continue;
    }
    std::vector<FieldChange> fields;
    if (it->second != h) compare(*it->second, *h, fields);  // one object: nothing differs
    if (fields.empty()) continue;
    ChangeT change;
    change.kind = ChangeKind::modified;
    change.name = std::string(k);
    change.base = it->second;
    change.head = h;
    change.fields = std::move(fields);
    out.push_back(std::move(change));
  }
  for (const T* b : base) {
    std::string_view k = key(*b);
    if (head_keys.count(k)) continue;
    ChangeT change;
    change.kind = ChangeKind::removed;
    change.name = std::string(k);
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
