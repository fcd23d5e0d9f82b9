#pragma once

#include <memory>

// A value held hundreds of thousands of times, mostly empty or written alike: a property's
// constraints (312 bytes, and 20,000 events that say `minimum: 0` say it the same way), its `$ref`,
// a pack rule's help in each of its 40,000 findings. It takes one shared pointer: none while the
// value equals T{}, and copies (a `$ref` taking its definition's, a pool interning equal values,
// see model/property_value_pool.h, the findings of one rule) share one T until one of them is
// changed (copy on write). Reading an unset value gives a shared empty T.
namespace steward {

template <typename T>
class SharedValue {
 public:
  SharedValue() = default;
  SharedValue(T value) { assign(std::move(value)); }  // NOLINT: implicit, as a T member was
  SharedValue& operator=(T value) {
    assign(std::move(value));
    return *this;
  }

  const T& operator*() const { return value_ ? *value_ : empty(); }
  const T* operator->() const { return &**this; }
  // Whether the value differs from T{} (or was once edited: see edit()).
  bool has_value() const { return value_ != nullptr; }
  // Whether `other` holds this very T (not merely an equal one).
  bool shares_with(const SharedValue& other) const { return value_ == other.value_; }

  // The value to change in place: its own copy when it was shared, a new T{} when unset.
  T& edit() {
    if (!value_) {
      value_ = std::make_shared<T>();
    } else if (value_.use_count() > 1) {
      value_ = std::make_shared<T>(*value_);
    }
    return *value_;
  }

  friend bool operator==(const SharedValue& a, const SharedValue& b) { return *a == *b; }

 private:
  static const T& empty() {
    static const T value{};
    return value;
  }
  void assign(T value) {
    if (value == T{}) {
      value_.reset();
    } else {
      value_ = std::make_shared<T>(std::move(value));
    }
  }

  std::shared_ptr<T> value_;  // never shared with anyone who may change it: see edit()
};

}  // namespace steward
