#pragma once

#include <cstddef>
#include <initializer_list>
#include <memory>
#include <utility>
#include <vector>

// A vector that is usually empty, in one pointer: a property's consent purposes, a route's
// device-mode platforms, a finding's grouped subjects and fixes. Hundreds of thousands of
// properties have none, and each empty std::vector took 24 bytes; this takes 8, and holds a
// vector only once something is added. It reads as the vector (a `const std::vector<T>&`
// wherever one is wanted: an empty one while nothing is held), and copies deeply.
//
// Not for a property's nested properties: the walks over a model go through them, and the extra
// step to a vector held apart cost a cold check 3.5% of its processor time (measured).
namespace steward::model {

template <class T>
class CompactVector {
 public:
  using value_type = T;
  using size_type = size_t;
  using iterator = T*;
  using const_iterator = const T*;

  CompactVector() = default;
  CompactVector(std::vector<T> items) { assign(std::move(items)); }  // NOLINT: as a vector
  CompactVector(std::initializer_list<T> items) { assign(std::vector<T>(items)); }
  CompactVector(const CompactVector& other) { assign(other.get()); }
  CompactVector(CompactVector&&) noexcept = default;
  CompactVector& operator=(const CompactVector& other) {
    if (this != &other) assign(other.get());
    return *this;
  }
  CompactVector& operator=(CompactVector&&) noexcept = default;
  CompactVector& operator=(std::vector<T> items) {
    assign(std::move(items));
    return *this;
  }
  CompactVector& operator=(std::initializer_list<T> items) {
    assign(std::vector<T>(items));
    return *this;
  }
  ~CompactVector() = default;

  // The vector: an empty one while nothing is held.
  const std::vector<T>& get() const { return items_ ? *items_ : none(); }
  operator const std::vector<T>&() const { return get(); }  // NOLINT: reads as the vector
  // The vector to change, held from now on.
  std::vector<T>& edit() {
    if (!items_) items_ = std::make_unique<std::vector<T>>();
    return *items_;
  }

  bool empty() const { return !items_ || items_->empty(); }
  size_t size() const { return items_ ? items_->size() : 0; }
  T* begin() { return items_ ? items_->data() : nullptr; }
  T* end() { return items_ ? items_->data() + items_->size() : nullptr; }
  const T* begin() const { return items_ ? items_->data() : nullptr; }
  const T* end() const { return items_ ? items_->data() + items_->size() : nullptr; }
  T& operator[](size_t i) { return (*items_)[i]; }
  const T& operator[](size_t i) const { return (*items_)[i]; }
  T& at(size_t i) { return const_cast<T&>(get().at(i)); }  // throws as a vector's when empty
  const T& at(size_t i) const { return get().at(i); }
  T& front() { return items_->front(); }
  const T& front() const { return items_->front(); }
  T& back() { return items_->back(); }
  const T& back() const { return items_->back(); }

  void push_back(T item) { edit().push_back(std::move(item)); }
  template <class... Args>
  T& emplace_back(Args&&... args) {
    return edit().emplace_back(std::forward<Args>(args)...);
  }
  void reserve(size_t n) {
    if (n > 0) edit().reserve(n);
  }
  void clear() { items_.reset(); }

  friend bool operator==(const CompactVector& a, const CompactVector& b) {
    return a.get() == b.get();
  }
  friend bool operator==(const CompactVector& a, const std::vector<T>& b) { return a.get() == b; }

 private:
  static const std::vector<T>& none() {
    static const std::vector<T> empty;
    return empty;
  }
  void assign(std::vector<T> items) {
    if (items.empty()) {
      items_.reset();
    } else {
      items_ = std::make_unique<std::vector<T>>(std::move(items));
    }
  }

  std::unique_ptr<std::vector<T>> items_;
};

}  // namespace steward::model
