#pragma once

#include <cstddef>
#include <memory>
#include <stdexcept>
#include <utility>

// None or one T of its own, read like a vector of at most one: an array property's item schema.
// One pointer (8 bytes) where the vector it replaces took 24 in each of hundreds of thousands of
// properties, nearly all without items. T may be incomplete where the holder is declared (a
// property's items are a property).
namespace steward::model {

template <class T>
class OptionalChild {
 public:
  OptionalChild() = default;
  OptionalChild(const OptionalChild& other)
      : child_(other.child_ ? std::make_unique<T>(*other.child_) : nullptr) {}
  OptionalChild(OptionalChild&&) noexcept = default;
  OptionalChild& operator=(const OptionalChild& other) {
    if (this != &other) child_ = other.child_ ? std::make_unique<T>(*other.child_) : nullptr;
    return *this;
  }
  OptionalChild& operator=(OptionalChild&&) noexcept = default;
  ~OptionalChild() = default;

  bool empty() const { return child_ == nullptr; }
  size_t size() const { return child_ ? 1 : 0; }
  T& front() { return *child_; }
  const T& front() const { return *child_; }
  T& operator[](size_t) { return *child_; }
  const T& operator[](size_t) const { return *child_; }
  T& at(size_t i) {
    if (i >= size()) throw std::out_of_range("OptionalChild::at");
    return *child_;
  }
  const T& at(size_t i) const {
    if (i >= size()) throw std::out_of_range("OptionalChild::at");
    return *child_;
  }
  T* begin() { return child_.get(); }
  T* end() { return child_.get() + size(); }
  const T* begin() const { return child_.get(); }
  const T* end() const { return child_.get() + size(); }

  // Sets the one child (replacing any), and returns it.
  T& emplace_back() {
    child_ = std::make_unique<T>();
    return *child_;
  }
  void push_back(T child) { child_ = std::make_unique<T>(std::move(child)); }
  void clear() { child_.reset(); }

 private:
  std::unique_ptr<T> child_;
};

}  // namespace steward::model
